package cn.yn.employment.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects measurements, prints the table and writes {@code results.json} and {@code results.md}. */
public class BenchReport {

    private final List<Measurement> measurements = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    /** The 1-minute load average when each scenario began ({@link #begin}), by scenario id. */
    private final Map<String, String> loadBefore = new LinkedHashMap<>();

    /**
     * Notes the machine's load average as scenario {@code id} begins (the first call per id counts). Before that first
     * call it waits, up to {@code bench.quietWaitSeconds} (default 240; 0 = no wait), until the 1-minute load average
     * is below {@code bench.quietLoad} (default 1.5): issue 15 asks for every scenario to start on a quiet machine,
     * and the runner's own previous scenario (8 clients, background archive packing) is what keeps it busy.
     */
    public void begin(String id) {
        if (!loadBefore.containsKey(id)) {
            waitForQuiet(id);
        }
        loadBefore.putIfAbsent(id, loadAverage1());
    }

    private static void waitForQuiet(String id) {
        double limit = Double.parseDouble(System.getProperty("bench.quietLoad", "1.5"));
        long deadline = System.nanoTime() + Long.getLong("bench.quietWaitSeconds", 240) * 1_000_000_000L;
        long started = System.nanoTime();
        while (load1() >= limit && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long waited = (System.nanoTime() - started) / 1_000_000_000L;
        if (waited > 0) {
            System.out.printf(Locale.ROOT, "bench: waited %d s for load < %.1f before %s (now %s)%n", waited, limit, id, loadAverage1());
        }
    }

    private static double load1() {
        try {
            return Double.parseDouble(loadAverage1());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String loadBefore(String id) {
        return loadBefore.getOrDefault(id, "");
    }

    static String loadAverage1() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    public void context(String key, Object value) {
        context.put(key, value);
    }

    public void add(Measurement m) {
        measurements.add(m);
        System.out.println(line(m));
    }

    public List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| # | Load before | Scenario | Target | min | median | max | Baseline (same run) | Ratio | Note |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : measurements) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", m.id(), loadBefore(m.id()), m.scenario(), m.target(),
                    fmt(m.min(), m.unit()), fmt(m.median(), m.unit()), fmt(m.max(), m.unit()),
                    m.baselineMedian() == null ? "" : m.baselineName() + ": " + fmt(m.baselineMedian(), m.unit()),
                    m.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f×", m.ratio()), m.note() == null ? "" : m.note()));
        }
        return sb.toString();
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("generatedAt", Instant.now().toString());
            json.put("context", context);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Measurement m : measurements) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", m.id());
                r.put("scenario", m.scenario());
                r.put("loadBefore", loadBefore(m.id()));
                r.put("unit", m.unit());
                r.put("target", m.target());
                r.put("samples", m.samples());
                r.put("min", m.min());
                r.put("median", m.median());
                r.put("max", m.max());
                r.put("p95", m.p95());
                r.put("baselineName", m.baselineName());
                r.put("baseline", m.baseline());
                r.put("ratio", m.ratio());
                r.put("note", m.note());
                rows.add(r);
            }
            json.put("measurements", rows);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), json);
            StringBuilder md = new StringBuilder("# Benchmark results\n\n");
            context.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
            md.append('\n').append(markdown());
            Files.writeString(dir.resolve("results.md"), md, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(Measurement m) {
        return String.format(Locale.ROOT, "BENCH %-4s %-58s min %10s  median %10s  max %10s%s", m.id(), m.scenario(),
                fmt(m.min(), m.unit()), fmt(m.median(), m.unit()), fmt(m.max(), m.unit()),
                m.baselineMedian() == null ? "" : String.format(Locale.ROOT, "  | %s %s  ratio %.2f×", m.baselineName(),
                        fmt(m.baselineMedian(), m.unit()), m.ratio() == null ? Double.NaN : m.ratio()));
    }

    static String fmt(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v)) + " " + unit;
    }
}
