package cn.yn.employment.statistics.internal;

import cn.yn.employment.statistics.Figures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Server-side charts for the PDF reports (JasperReports' chart module is not published for 7.0.6): drawn with
 * Java2D into a PNG, using the report font so Chinese labels render.
 */
@Component
public class ChartRenderer {

    private static final Color BAR = new Color(0x5470C6);
    private static final Color LINE = new Color(0xEE6666);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color TEXT = new Color(0x333333);

    private volatile Font baseFont;

    private Font font(float size) {
        Font f = baseFont;
        if (f == null) {
            try (InputStream in = ChartRenderer.class.getResourceAsStream("/fonts/EmsCjk.ttf")) {
                f = in == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                f = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            }
            baseFont = f;
        }
        return f.deriveFont(size);
    }

    /**
     * Bars of ΣE per period with the change rate (ΣE − ΣB) / ΣB as a line on a second axis. A period without accepted
     * reports has no bar and breaks the line (labelled {@code noDataLabel}, never drawn as 0); a period in
     * {@code provisional} is drawn hatched with a dashed outline.
     */
    public byte[] trend(List<Figures> points, java.util.Set<String> provisional, String barLabel, String lineLabel,
                        String noDataLabel) {
        int w = 1200;
        int h = 540;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int left = 90;
            int right = 90;
            int top = 60;
            int bottom = 80;
            int pw = w - left - right;
            int ph = h - top - bottom;

            long maxE = Math.max(1, points.stream().mapToLong(Figures::headcount).max().orElse(1));
            long barTop = niceCeiling(maxE);
            double maxRate = 0.01;
            for (Figures p : points) {
                BigDecimal r = p.changeRate();
                if (r != null) {
                    maxRate = Math.max(maxRate, Math.abs(r.doubleValue()));
                }
            }
            maxRate = Math.ceil(maxRate * 100) / 100.0;

            // grid and left axis
            g.setFont(font(14f));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i <= 5; i++) {
                int y = top + ph - ph * i / 5;
                g.setColor(GRID);
                g.drawLine(left, y, left + pw, y);
                g.setColor(TEXT);
                String label = Long.toString(barTop * i / 5);
                g.drawString(label, left - 8 - fm.stringWidth(label), y + 5);
                String rate = String.format("%.1f%%", (-maxRate + 2 * maxRate * i / 5) * 100);
                g.drawString(rate, left + pw + 8, y + 5);
            }
            int n = Math.max(1, points.size());
            double slot = (double) pw / n;
            double barW = slot * 0.6;
            Path2D line = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < points.size(); i++) {
                Figures p = points.get(i);
                double x = left + slot * i + (slot - barW) / 2;
                if (p.noHeadcounts()) {
                    g.setColor(GRID.darker());
                    g.setFont(font(12f));
                    int tw = g.getFontMetrics().stringWidth(noDataLabel);
                    g.drawString(noDataLabel, (int) (left + slot * i + (slot - tw) / 2), top + ph - 6);
                    g.setFont(font(14f));
                } else if (provisional.contains(p.key())) {
                    drawProvisionalBar(g, (int) x, top + ph, (int) Math.max(1, barW),
                            (int) Math.round((double) ph * p.headcount() / barTop));
                } else {
                    int bh = (int) Math.round((double) ph * p.headcount() / barTop);
                    g.setColor(BAR);
                    g.fillRect((int) x, top + ph - bh, (int) Math.max(1, barW), bh);
                }
                g.setColor(TEXT);
                String period = p.key() == null ? "" : p.key();
                if (n <= 12 || i % 2 == 0) {
                    java.awt.geom.AffineTransform at = g.getTransform();
                    g.translate(left + slot * i + slot / 2, top + ph + 14);
                    g.rotate(Math.toRadians(35));
                    g.drawString(period, 0, 0);
                    g.setTransform(at);
                }
                BigDecimal r = p.noHeadcounts() ? null : p.changeRate();
                if (r == null) {
                    started = false; // a gap, not a line through the missing period
                } else {
                    double cx = left + slot * i + slot / 2;
                    double cy = top + ph / 2.0 - (r.doubleValue() / maxRate) * (ph / 2.0);
                    if (started) {
                        line.lineTo(cx, cy);
                    } else {
                        line.moveTo(cx, cy);
                        started = true;
                    }
                    g.setColor(LINE);
                    g.fillOval((int) cx - 4, (int) cy - 4, 8, 8);
                }
            }
            g.setColor(LINE);
            g.setStroke(new BasicStroke(2.5f));
            g.draw(line);
            g.setStroke(new BasicStroke(1f));
            g.setColor(TEXT);
            g.drawLine(left, top, left, top + ph);
            g.drawLine(left, top + ph, left + pw, top + ph);

            // legend
            g.setFont(font(16f));
            g.setColor(BAR);
            g.fillRect(left, 20, 24, 14);
            g.setColor(TEXT);
            g.drawString(barLabel, left + 32, 33);
            int lx = left + 60 + g.getFontMetrics().stringWidth(barLabel);
            g.setColor(LINE);
            g.setStroke(new BasicStroke(3f));
            g.drawLine(lx, 27, lx + 24, 27);
            g.setColor(TEXT);
            g.drawString(lineLabel, lx + 32, 33);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bar whose figures can still change: light fill, diagonal hatching, dashed outline. */
    private static void drawProvisionalBar(Graphics2D g, int x, int baseY, int w, int h) {
        int y = baseY - h;
        g.setColor(new Color(BAR.getRed(), BAR.getGreen(), BAR.getBlue(), 70));
        g.fillRect(x, y, w, h);
        java.awt.Shape clip = g.getClip();
        g.clipRect(x, y, w, h);
        g.setColor(BAR);
        g.setStroke(new BasicStroke(1.5f));
        for (int d = -h; d < w; d += 8) {
            g.drawLine(x + d, baseY, x + d + h, y);
        }
        g.setClip(clip);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawRect(x, y, w, h);
        g.setStroke(new BasicStroke(1f));
    }

    static long niceCeiling(long v) {
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * mag >= v) {
                return (long) Math.ceil(step * mag);
            }
        }
        return v;
    }
}
