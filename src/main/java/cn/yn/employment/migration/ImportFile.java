package cn.yn.employment.migration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One file of a legacy export: CSV (encoding {@code null} = detect: a BOM, else UTF-8 if the bytes are valid UTF-8,
 * else GBK) or Excel .xlsx (first sheet), told apart by the name's extension.
 */
public record ImportFile(FileKind kind, String name, String encoding, Opener opener) {

    /** Opens the content afresh (a file is read twice: once to count lines for the progress bar). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static ImportFile of(FileKind kind, String name, byte[] content, String encoding) {
        return new ImportFile(kind, name, blankToNull(encoding), () -> new ByteArrayInputStream(content));
    }

    public static ImportFile of(FileKind kind, Path path, String encoding) {
        return new ImportFile(kind, path.getFileName().toString(), blankToNull(encoding), () -> Files.newInputStream(path));
    }

    public boolean excel() {
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    public InputStream open() {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || "AUTO".equalsIgnoreCase(s) ? null : s.trim();
    }
}
