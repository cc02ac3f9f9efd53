package cn.yn.employment.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * P8: reads the runner's results of each scale ({@code <dir>/scale-<enterprises>/results.json}, written by
 * bench/run-all.sh) and draws how P2, P4 and P5 grow with the number of enterprises, each relative to its figure at
 * the smallest scale (medians: a re-assembled run may lack the p95), beside the two targets (inbox flat: ≤ 1.5×; statistics at most linear). Writes the PNG and a
 * Markdown table of the absolute figures. {@code java … ScaleCurvePlot bench-results docs/performance-p8.png}
 */
public final class ScaleCurvePlot {

    /** Which figure of which scenario: P2 by its p95, the others by their median. */
    record Series(String id, String label, boolean p95, Color color) {
    }

    static final List<Series> SERIES = List.of(
            new Series("P2c", "P2 inbox, city + county (median)", false, new Color(0x1f77b4)),
            new Series("P2p", "P2 inbox, province (median)", false, new Color(0x17becf)),
            new Series("P4s", "P4 summary by city + county (median)", false, new Color(0xd62728)),
            new Series("P4t", "P4 24-month trend (median)", false, new Color(0xff7f0e)),
            new Series("P5", "P5 close, mark 缺报 (median)", false, new Color(0x2ca02c)));

    private ScaleCurvePlot() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench-results");
        Path png = Path.of(args.length > 1 ? args[1] : "docs/performance-p8.png");
        Map<Long, Map<String, Double>> byScale = read(dir);
        if (byScale.size() < 2) {
            throw new IllegalStateException("need results of at least two scales under " + dir + ", found " + byScale.keySet());
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(draw(byScale), "png", png.toFile());
        String md = table(byScale);
        Files.writeString(dir.resolve("p8.md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /** scale (enterprises) → scenario id → figure (ms). */
    static Map<Long, Map<String, Double>> read(Path dir) throws IOException {
        Map<Long, Map<String, Double>> out = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> dirs = Files.list(dir)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("scale-")).sorted().toList()) {
                Path f = d.resolve("results.json");
                if (!Files.exists(f)) {
                    continue;
                }
                JsonNode root = json.readTree(f.toFile());
                long scale = root.path("context").path("enterprises").asLong();
                // several runs of one scale (e.g. a subset re-run) add up; the first figure of a scenario counts
                Map<String, Double> figures = out.computeIfAbsent(scale, k -> new LinkedHashMap<>());
                for (JsonNode m : root.path("measurements")) {
                    for (Series s : SERIES) {
                        // the first P2c row is the city + county filter
                        if (s.id().equals(m.path("id").asText()) && !figures.containsKey(s.id())) {
                            figures.put(s.id(), m.path(s.p95() ? "p95" : "median").asDouble());
                        }
                    }
                }
            }
        }
        return out;
    }

    static String table(Map<Long, Map<String, Double>> byScale) {
        StringBuilder sb = new StringBuilder("| Scenario |");
        byScale.keySet().forEach(k -> sb.append(String.format(Locale.ROOT, " %,d ent. |", k)));
        sb.append(" largest ÷ smallest |\n|---|");
        byScale.keySet().forEach(k -> sb.append("---|"));
        sb.append("---|\n");
        long first = byScale.keySet().iterator().next();
        long last = new ArrayList<>(byScale.keySet()).get(byScale.size() - 1);
        for (Series s : SERIES) {
            sb.append("| ").append(s.label()).append(" |");
            byScale.values().forEach(f -> sb.append(f.containsKey(s.id()) ? String.format(Locale.ROOT, " %.1f ms |", f.get(s.id())) : " – |"));
            Double a = byScale.get(first).get(s.id());
            Double b = byScale.get(last).get(s.id());
            sb.append(a == null || b == null ? " – |" : String.format(Locale.ROOT, " %.2f× (enterprises %.0f×) |", b / a, (double) last / first));
            sb.append('\n');
        }
        return sb.toString();
    }

    static BufferedImage draw(Map<Long, Map<String, Double>> byScale) {
        int w = 1250;
        int h = 620;
        int left = 80;
        int right = 450;
        int top = 60;
        int bottom = 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        long first = byScale.keySet().iterator().next();
        long maxScale = new ArrayList<>(byScale.keySet()).get(byScale.size() - 1);
        double maxY = Math.max(2, (double) maxScale / first);
        for (Map<String, Double> f : byScale.values()) {
            for (Series s : SERIES) {
                Double base = byScale.get(first).get(s.id());
                if (base != null && f.get(s.id()) != null) {
                    maxY = Math.max(maxY, f.get(s.id()) / base);
                }
            }
        }
        double yMax = maxY * 1.05;
        int pw = w - left - right;
        int ph = h - top - bottom;
        java.util.function.DoubleUnaryOperator x = v -> left + v / maxScale * pw;
        java.util.function.DoubleUnaryOperator y = v -> top + ph - v / yMax * ph;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString("P8 scale curve: each figure relative to its value at " + String.format(Locale.ROOT, "%,d", first) + " enterprises", left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // grid and axes
        for (int i = 0; i <= 5; i++) {
            double v = yMax * i / 5;
            int yy = (int) y.applyAsDouble(v);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left, yy, left + pw, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f×", v), left - 45, yy + 4);
        }
        for (long sc : byScale.keySet()) {
            int xx = (int) x.applyAsDouble(sc);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(xx, top, xx, top + ph);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,d", sc), xx - 20, top + ph + 18);
        }
        g.drawString("enterprises", left + pw / 2 - 30, top + ph + 45);
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        // targets: linear growth (statistics at most) and 1.5× (inbox flat)
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0));
        g.setColor(Color.GRAY);
        g.drawLine((int) x.applyAsDouble(first), (int) y.applyAsDouble(1), (int) x.applyAsDouble(maxScale),
                (int) y.applyAsDouble((double) maxScale / first));
        g.setColor(new Color(0x1f77b4));
        g.drawLine(left, (int) y.applyAsDouble(1.5), left + pw, (int) y.applyAsDouble(1.5));
        g.setStroke(new BasicStroke(2.5f));
        int legend = top + 10;
        for (Series s : SERIES) {
            Double base = byScale.get(first).get(s.id());
            if (base == null) {
                continue;
            }
            g.setColor(s.color());
            int px = -1;
            int py = -1;
            for (Map.Entry<Long, Map<String, Double>> e : byScale.entrySet()) {
                Double v = e.getValue().get(s.id());
                if (v == null) {
                    continue;
                }
                int cx = (int) x.applyAsDouble(e.getKey());
                int cy = (int) y.applyAsDouble(v / base);
                g.fillOval(cx - 4, cy - 4, 8, 8);
                if (px >= 0) {
                    g.drawLine(px, py, cx, cy);
                }
                px = cx;
                py = cy;
            }
            g.fillRect(left + pw + 20, legend - 8, 14, 8);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s (%.1f ms at %,d)", s.label(), base, first), left + pw + 40, legend);
            legend += 22;
        }
        g.setColor(Color.GRAY);
        g.drawString("- - linear growth (statistics: at most this)", left + pw + 20, legend + 10);
        g.setColor(new Color(0x1f77b4));
        g.drawString("- - 1.5× (inbox: at most this)", left + pw + 20, legend + 32);
        g.dispose();
        return img;
    }
}
