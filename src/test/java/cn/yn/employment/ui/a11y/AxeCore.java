package cn.yn.employment.ui.a11y;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * axe-core's {@code axe.min.js} for the browser tests, without an npm package in the Vaadin build: the npm tarball
 * is downloaded once from the npm registry into the local Maven repository's tarball cache (where the build keeps
 * bpmn-js too), checked against the registry's published SHA-512 integrity and unpacked in memory. Tests inject the
 * script into each page ({@link AxeScan}).
 */
public final class AxeCore {

    public static final String VERSION = "4.10.3";
    /** {@code npm view axe-core@4.10.3 dist.integrity} */
    static final String INTEGRITY = "sha512-Xm7bpRXnDSX2YE2YFfBk2FnF0ep6tmG7xPh8iHee8MIcrgq762Nkce856dYtJYLkuIoYZvGfTs/PbZhideTcEg==";
    static final String TARBALL = "https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz";

    private static String script;

    private AxeCore() {
    }

    /** The source of {@code axe.min.js}. */
    public static synchronized String script() {
        if (script == null) {
            try {
                script = extract(tarball(), "package/axe.min.js");
            } catch (IOException e) {
                throw new IllegalStateException("axe-core " + VERSION + " is not available: " + e.getMessage(), e);
            }
        }
        return script;
    }

    static Path cacheDir() {
        String repo = System.getProperty("maven.repo.local");
        Path base = repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return base.resolve(".cache").resolve("npm-tarballs");
    }

    static byte[] tarball() throws IOException {
        Path cached = cacheDir().resolve("axe-core-" + VERSION + ".tgz");
        if (Files.isRegularFile(cached)) {
            byte[] bytes = Files.readAllBytes(cached);
            if (matchesIntegrity(bytes)) {
                return bytes;
            }
        }
        byte[] bytes = download();
        if (!matchesIntegrity(bytes)) {
            throw new IOException("the axe-core tarball does not match its published integrity " + INTEGRITY);
        }
        Files.createDirectories(cached.getParent());
        Path tmp = Files.createTempFile(cached.getParent(), "axe-core", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return bytes;
    }

    private static byte[] download() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(TARBALL))
                        .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = new IOException("HTTP " + response.statusCode() + " for " + TARBALL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    static boolean matchesIntegrity(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(bytes);
            return INTEGRITY.equals("sha512-" + Base64.getEncoder().encodeToString(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file of a gzipped (ustar) tarball, as UTF-8 text. */
    static String extract(byte[] tgz, String name) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String entry = field(header, 0, 100);
                if (entry.isEmpty()) {
                    break;
                }
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    entry = prefix + "/" + entry;
                }
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (entry.equals(name)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
                    out.write(in.readNBytes((int) size));
                    return out.toString(StandardCharsets.UTF_8);
                }
                in.skipNBytes(padded);
            }
        }
        throw new IOException(name + " is not in the axe-core tarball");
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
