package cn.yn.employment.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenarios measured outside the test's application context: P6 (start-up of the production jar in the demo
 * profile under -Xmx512m, and its heap) and P7 (pgbench TPC-B on the same PostgreSQL server).
 */
public final class ProcessScenarios {

    private ProcessScenarios() {
    }

    /** Returns {seconds to ready, heap used MB} for each start, or an empty list when no jar is built. */
    public static void p6Startup(BenchReport out, int repetitions) throws Exception {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("employment-monitor-") && n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            out.context("P6", "skipped: build the jar first (./mvnw -Pproduction -DskipTests package)");
            return;
        }
        out.begin("P6");
        out.begin("P6h");
        List<Double> seconds = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        for (int rep = 0; rep < repetitions; rep++) {
            Path dir = Files.createTempDirectory("ems-p6");
            int port = 18500 + rep;
            int managementPort = 18600 + rep;
            ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", jars[0].getAbsolutePath(), "--server.port=" + port,
                    "--management.server.port=" + managementPort)
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                boolean ready = false;
                while (!ready && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(180)) {
                    try {
                        ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYet) {
                        Thread.sleep(200);
                    }
                }
                if (!ready) {
                    throw new IllegalStateException("jar did not become ready, see " + dir.resolve("app.log"));
                }
                seconds.add((System.nanoTime() - t0) / 1e9);
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                heap.add(heapUsedMb(metrics));
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
        }
        out.add(new Measurement("P6", "Start-up to ready, demo profile, -Xmx512m", "s", false, "≤ 10 s", seconds, null, null,
                String.format(java.util.Locale.ROOT, "heap used after start %.0f–%.0f MB of 512", Measurement.stat(heap, 0),
                        Measurement.stat(heap, 100))));
        out.add(new Measurement("P6h", "Heap used after start (jvm_memory_used_bytes, area heap), demo profile, -Xmx512m", "MB", false,
                "≤ 256 MB", heap, null, null, "read from /actuator/prometheus once ready, before any request"));
    }

    static double heapUsedMb(String prometheus) {
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+]+)").matcher(prometheus);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum / (1024 * 1024);
    }

    /** pgbench TPC-B (default script), 8 clients, 2 threads, 3 runs of {@code seconds}; returns tps samples. */
    public static List<Double> pgbench(String host, int port, String user, int seconds) throws Exception {
        String db = "ems_pgbench";
        run(List.of("dropdb", "-h", host, "-p", "" + port, "-U", user, "--if-exists", db));
        run(List.of("createdb", "-h", host, "-p", "" + port, "-U", user, db));
        run(List.of("pgbench", "-h", host, "-p", "" + port, "-U", user, "-i", "-q", "-s", "10", db));
        List<Double> tps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String output = run(List.of("pgbench", "-h", host, "-p", "" + port, "-U", user, "-c", "8", "-j", "2", "-T", "" + seconds, db));
            Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("no tps in pgbench output: " + output);
            }
            tps.add(Double.parseDouble(m.group(1)));
        }
        run(List.of("dropdb", "-h", host, "-p", "" + port, "-U", user, "--if-exists", db));
        return tps;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
