import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * R7 (issue 14): a mixed soak over HTTP against a running application with the demo data. Run with
 * {@code java bench/soak/Soak.java <base-url> <minutes> <out-dir>} (no dependencies); {@code bench/soak/soak.sh}
 * starts the jar with a GC log, runs this and draws the plot ({@code plot} mode).
 *
 * <p>Three clients at fixed paces: the review chain (the demo enterprise submits through the API with an
 * Idempotency-Key, the Kunming reviewer approves, the province returns it with a reason — or every fourth time
 * approves, the enterprise downloads its receipt PDF and the province reopens it for correction — and the
 * enterprise resubmits), one action every 1.5 s; a leader downloading a statistics PDF and the counts, every 4 s;
 * the enterprise reading its report and versions, every 1 s. Every answer that is not 2xx is an error.
 * Writes requests.csv (epoch ms, operation, status, ms) and prints per-minute p95 and the totals.
 */
public class Soak {

    record Sample(long at, String op, int status, long ms) {
    }

    static final ConcurrentLinkedQueue<Sample> SAMPLES = new ConcurrentLinkedQueue<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("plot")) {
            plot(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args.length > 4 ? args[4] : "");
            return;
        }
        base = args[0];
        double minutes = Double.parseDouble(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        String et = token("demo-enterprise"), ct = token("kunming-reviewer"), pt = token("province-reviewer"), lt = token("leader");
        String period = field(call("GET", "/api/v1/periods/current", et, null, null, "period").body(), "code");
        System.out.println("R7 soak: " + base + ", period " + period + ", " + minutes + " min");
        long end = System.currentTimeMillis() + (long) (minutes * 60_000);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = List.of(
                paced("chain", 1500, end, stop, () -> chainStep(et, ct, pt, period)),
                paced("leader", 4000, end, stop, () -> {
                    call("GET", "/api/v1/statistics/" + period + "/reports/summary-city", lt, null, null, "leader-pdf");
                    call("GET", "/api/v1/statistics/" + period + "/counts", lt, null, null, "leader-counts");
                }),
                paced("reader", 1000, end, stop, () -> {
                    call("GET", "/api/v1/reports/" + period, et, null, null, "enterprise-read");
                    call("GET", "/api/v1/reports/" + period + "/versions", et, null, null, "enterprise-versions");
                }));
        for (Thread t : threads) {
            t.join();
        }
        report(out);
    }

    static int cycle;

    /** One step of the chain, chosen by the report's state. */
    static void chainStep(String et, String ct, String pt, String period) throws Exception {
        HttpResponse<String> r = call("GET", "/api/v1/reports/" + period, et, null, null, "chain-state");
        String state = r.statusCode() == 404 ? "NONE" : field(r.body(), "state");
        String id = r.statusCode() == 404 ? null : field(r.body(), "id");
        switch (state) {
            case "PENDING_CITY" -> call("POST", "/api/v1/review/reports/" + id + "/approve", ct, null, key(), "city-approve");
            case "PENDING_PROVINCE" -> {
                if (++cycle % 4 == 0) {
                    call("POST", "/api/v1/review/reports/" + id + "/approve", pt, null, key(), "province-approve");
                } else {
                    call("POST", "/api/v1/review/reports/" + id + "/return", pt, "{\"reason\":\"soak: please check\"}", key(),
                            "province-return");
                }
            }
            case "ACCEPTED", "FORWARDED" -> {
                call("GET", "/api/v1/reports/" + period + "/receipt", et, null, null, "enterprise-receipt");
                call("POST", "/api/v1/review/reports/" + id + "/correct", pt, "{\"reason\":\"soak correction\"}", key(), "province-correct");
            }
            default -> {
                String draft = call("PUT", "/api/v1/reports/" + period + "/draft", et, "{}", null, "enterprise-draft").body();
                long baseline = num(draft, "baselineHeadcount"), previous = num(draft, "previousHeadcount");
                call("POST", "/api/v1/reports/" + period, et, "{\"headcount\":" + Math.max(baseline, previous)
                        + ",\"hired\":3,\"separated\":2,\"dispatched\":0,\"explanation\":\"soak\"}", key(), "enterprise-submit");
            }
        }
    }

    static Thread paced(String name, long everyMs, long end, AtomicBoolean stop, Step step) {
        Thread t = new Thread(() -> {
            long next = System.currentTimeMillis();
            while (System.currentTimeMillis() < end && !stop.get()) {
                try {
                    step.run();
                } catch (Exception e) {
                    SAMPLES.add(new Sample(System.currentTimeMillis(), name + "-exception", 0, 0));
                    System.out.println(name + ": " + e);
                }
                next += everyMs;
                long wait = next - System.currentTimeMillis();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    next = System.currentTimeMillis();
                }
            }
        }, name);
        t.start();
        return t;
    }

    interface Step {
        void run() throws Exception;
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static String token(String user) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":Demo12345").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "token");
    }

    static HttpResponse<String> call(String method, String path, String token, String json, String idemKey, String op) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (idemKey != null) {
            b.header("Idempotency-Key", idemKey);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        boolean expected404 = op.equals("chain-state") && r.statusCode() == 404;
        SAMPLES.add(new Sample(System.currentTimeMillis(), op, expected404 ? 200 : r.statusCode(), ms));
        if (r.statusCode() / 100 != 2 && !expected404) {
            System.out.println(op + " " + path + " -> " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
        }
        return r;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static long num(String json, String name) {
        String v = field(json, name);
        return v == null || v.equals("null") ? 0 : Long.parseLong(v.trim());
    }

    static long p95(List<Long> ms) {
        if (ms.isEmpty()) {
            return 0;
        }
        List<Long> s = new ArrayList<>(ms);
        s.sort(null);
        return s.get((int) Math.ceil(s.size() * 0.95) - 1);
    }

    static void report(Path out) throws IOException {
        List<Sample> all = new ArrayList<>(SAMPLES);
        all.sort((a, b) -> Long.compare(a.at(), b.at()));
        long start = all.isEmpty() ? 0 : all.get(0).at();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("requests.csv")))) {
            w.println("epoch_ms,op,status,ms");
            all.forEach(s -> w.println(s.at() + "," + s.op() + "," + s.status() + "," + s.ms()));
        }
        Map<Long, List<Long>> perMinute = new TreeMap<>();
        Map<String, Integer> ops = new TreeMap<>();
        int errors = 0;
        for (Sample s : all) {
            perMinute.computeIfAbsent((s.at() - start) / 60_000, k -> new ArrayList<>()).add(s.ms());
            ops.merge(s.op(), 1, Integer::sum);
            if (s.status() / 100 != 2) {
                errors++;
            }
        }
        double seconds = all.isEmpty() ? 1 : Math.max(1, (all.get(all.size() - 1).at() - start) / 1000.0);
        System.out.printf("R7 requests %d in %.0f s (%.2f req/s), errors %d%n", all.size(), seconds, all.size() / seconds, errors);
        System.out.println("R7 operations " + ops);
        StringBuilder p = new StringBuilder();
        perMinute.forEach((m, list) -> p.append(m).append(':').append(p95(list)).append(' '));
        System.out.println("R7 p95 ms per minute " + p.toString().trim());
        System.out.println("R7 p95 overall " + p95(all.stream().map(Sample::ms).toList()) + " ms");
        if (errors > 0) {
            System.exit(1);
        }
    }

    /** Heap after each GC (from a -Xlog:gc log) and the per-minute p95 of requests.csv, one PNG. */
    static void plot(Path gcLog, Path csv, Path png, String title) throws IOException {
        Pattern gc = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s].*Pause.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        List<double[]> heap = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = gc.matcher(line);
            if (m.find()) {
                heap.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
            }
        }
        List<String> rows = Files.readAllLines(csv);
        Map<Long, List<Long>> perMinute = new TreeMap<>();
        long start = Long.MAX_VALUE;
        for (String r : rows.subList(1, rows.size())) {
            start = Math.min(start, Long.parseLong(r.split(",")[0]));
        }
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");
            perMinute.computeIfAbsent((Long.parseLong(f[0]) - start) / 60_000, k -> new ArrayList<>()).add(Long.parseLong(f[3]));
        }
        int w = 1000, h = 640, left = 70, right = 20, top = 40, panel = 250;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("R7 soak " + title, left, 22);
        // heap panel: heap after GC over the process's uptime (minutes)
        double tMax = heap.isEmpty() ? 1 : heap.get(heap.size() - 1)[0] / 60;
        double hMax = heap.stream().mapToDouble(x -> x[1]).max().orElse(1) * 1.2;
        axes(g, left, top, w - left - right, panel, "heap after GC (MB) over uptime (min)", tMax, hMax);
        g.setColor(new Color(0x1f77b4));
        g.setStroke(new BasicStroke(1.5f));
        int[] prev = null;
        for (double[] x : heap) {
            int px = left + (int) ((x[0] / 60) / tMax * (w - left - right));
            int py = top + panel - (int) (x[1] / hMax * panel);
            g.fillOval(px - 2, py - 2, 4, 4);
            if (prev != null) {
                g.drawLine(prev[0], prev[1], px, py);
            }
            prev = new int[] {px, py};
        }
        // latency panel: p95 per minute of the soak
        int top2 = top + panel + 60;
        double mMax = Math.max(1, perMinute.size());
        double pMax = perMinute.values().stream().mapToDouble(Soak::p95).max().orElse(1) * 1.2;
        axes(g, left, top2, w - left - right, panel, "request p95 (ms) per minute of the soak", mMax, pMax);
        g.setColor(new Color(0xd62728));
        prev = null;
        for (Map.Entry<Long, List<Long>> e : perMinute.entrySet()) {
            int px = left + (int) ((e.getKey() + 0.5) / mMax * (w - left - right));
            int py = top2 + panel - (int) (p95(e.getValue()) / pMax * panel);
            g.fillOval(px - 3, py - 3, 6, 6);
            if (prev != null) {
                g.drawLine(prev[0], prev[1], px, py);
            }
            prev = new int[] {px, py};
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
        System.out.println("R7 plot " + png + ": " + heap.size() + " GCs, " + perMinute.size() + " minutes");
    }

    static void axes(Graphics2D g, int x, int y, int width, int height, String label, double xMax, double yMax) {
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 4; i++) {
            int py = y + height - i * height / 4;
            g.drawString(String.format("%.0f", yMax * i / 4), x - 45, py + 4);
            int px = x + i * width / 4;
            g.drawString(String.format("%.1f", xMax * i / 4), px - 8, y + height + 15);
        }
        g.setColor(Color.BLACK);
        g.drawString(label, x + 5, y - 6);
    }
}
