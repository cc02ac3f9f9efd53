package cn.yn.employment.statistics.ui;

import cn.yn.employment.statistics.Figures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ECharts options built as maps and serialised with Jackson. Missing values are {@code null} (ECharts leaves a gap,
 * never a 0); axes get round bounds and steps ({@link NiceAxis}); region and industry names go on a vertical category
 * axis so they never overlap.
 */
final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BAR = "#5470C6";
    static final String LINE = "#EE6666";
    /** Height of one category row in the horizontal charts, px. */
    static final int ROW_HEIGHT = 30;

    private ChartOptions() {
    }

    /** True when there is nothing to draw (every value missing): show an empty state instead of an empty chart. */
    static boolean empty(List<? extends Number> values) {
        return values.stream().allMatch(Objects::isNull);
    }

    /**
     * Bars per period (left axis) with the change rate as a line (right axis). Periods at the indexes in
     * {@code provisional} are drawn hatched with a dashed outline: their figures can still change.
     */
    static String trend(List<String> periods, String barName, List<Long> bars, String lineName, List<BigDecimal> ratesPercent,
                        Set<Integer> provisional) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("data", List.of(barName, lineName)));
        o.put("grid", Map.of("left", 20, "right", 20, "bottom", 20, "top", 50, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", periods, "axisLabel", Map.of("rotate", 40, "interval", 0)));
        NiceAxis left = NiceAxis.of(values(bars), true);
        NiceAxis right = NiceAxis.of(values(ratesPercent), false);
        o.put("yAxis", List.of(left.option(barName, "{value}", true), right.option(lineName, "{value}%", false)));
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Long v = bars.get(i);
            data.add(v != null && provisional.contains(i) ? Map.of("value", v, "itemStyle", provisionalStyle()) : v);
        }
        o.put("series", List.of(
                Map.of("name", barName, "type", "bar", "data", data, "itemStyle", Map.of("color", BAR)),
                Map.of("name", lineName, "type", "line", "yAxisIndex", 1, "data", ratesPercent, "connectNulls", false,
                        "itemStyle", Map.of("color", LINE))));
        return write(o);
    }

    /** A provisional bar: light fill, diagonal hatching (decal) and a dashed outline. */
    static Map<String, Object> provisionalStyle() {
        return Map.of("color", "rgba(84,112,198,0.35)", "borderColor", BAR, "borderType", "dashed", "borderWidth", 2,
                "decal", Map.of("symbol", "rect", "symbolSize", 1, "dashArrayX", List.of(1, 0), "dashArrayY", List.of(2, 5),
                        "rotation", -0.785, "color", "rgba(84,112,198,0.6)"));
    }

    /**
     * One row per group (a city, an industry): headcount bars on the bottom axis and the change rate as points on
     * the top axis.
     */
    static String groupBars(List<String> groups, String barName, List<Long> bars, String rateName, List<BigDecimal> ratesPercent) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        o.put("legend", Map.of("data", List.of(barName, rateName)));
        o.put("grid", Map.of("left", 10, "right", 40, "bottom", 10, "top", 60, "containLabel", true));
        o.put("yAxis", Map.of("type", "category", "data", groups, "inverse", true, "axisLabel", Map.of("interval", 0)));
        NiceAxis bottom = NiceAxis.of(values(bars), true);
        NiceAxis top = NiceAxis.of(values(ratesPercent), false);
        Map<String, Object> topAxis = new LinkedHashMap<>(top.option(null, "{value}%", false)); // the legend names it
        topAxis.put("position", "top");
        o.put("xAxis", List.of(bottom.option(null, "{value}", true), topAxis));
        o.put("series", List.of(
                Map.of("name", barName, "type", "bar", "data", bars, "xAxisIndex", 0, "itemStyle", Map.of("color", BAR)),
                Map.of("name", rateName, "type", "scatter", "data", ratesPercent, "xAxisIndex", 1, "symbol", "diamond",
                        "symbolSize", 12, "itemStyle", Map.of("color", LINE))));
        return write(o);
    }

    /** Percentages per group (上报率 and 审核率 per city), one row per group, axis 0–100 %. */
    static String percentBars(List<String> groups, Map<String, List<BigDecimal>> seriesPercent) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        o.put("legend", Map.of("data", new ArrayList<>(seriesPercent.keySet())));
        o.put("grid", Map.of("left", 10, "right", 50, "bottom", 10, "top", 40, "containLabel", true));
        o.put("yAxis", Map.of("type", "category", "data", groups, "inverse", true, "axisLabel", Map.of("interval", 0)));
        o.put("xAxis", Map.of("type", "value", "min", 0, "max", 100, "interval", 20, "axisLabel", Map.of("formatter", "{value}%")));
        List<Object> series = new ArrayList<>();
        List<String> colors = List.of("#91CC75", "#5470C6");
        int i = 0;
        for (Map.Entry<String, List<BigDecimal>> e : seriesPercent.entrySet()) {
            series.add(Map.of("name", e.getKey(), "type", "bar", "data", e.getValue(), "itemStyle",
                    Map.of("color", colors.get(i++ % colors.size())), "label", Map.of("show", true, "position", "right",
                            "formatter", "{c}%")));
        }
        o.put("series", series);
        return write(o);
    }

    static String pie(String name, List<String> labels, List<? extends Number> values) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            data.add(Map.of("name", labels.get(i), "value", values.get(i)));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "item"));
        o.put("legend", Map.of("bottom", 0));
        o.put("series", List.of(Map.of("name", name, "type", "pie", "radius", List.of("35%", "65%"), "data", data,
                "label", Map.of("formatter", "{b}: {c}"))));
        return write(o);
    }

    /** Chart height for {@code rows} category rows. */
    static String heightFor(int rows) {
        return Math.max(240, 90 + rows * ROW_HEIGHT) + "px";
    }

    static BigDecimal pct(BigDecimal fraction) {
        return fraction == null ? null : Figures.percent(fraction);
    }

    private static List<Double> values(List<? extends Number> list) {
        return list.stream().filter(Objects::nonNull).map(Number::doubleValue).toList();
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A value axis with round bounds and a round step (1, 2, 2.5 or 5 × 10ⁿ, about five intervals) covering the
     * values and zero. {@code whole}: counts, so the step is at least 1.
     */
    record NiceAxis(double min, double max, double interval) {

        static NiceAxis of(List<Double> values, boolean whole) {
            double lo = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            double hi = Math.max(0, values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            if (hi == lo) {
                hi = lo + (whole ? 5 : 1);
            }
            double raw = (hi - lo) / 5;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = 10 * mag;
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * mag >= raw - 1e-12) {
                    step = m * mag;
                    break;
                }
            }
            if (whole) {
                step = Math.max(1, Math.ceil(step));
            }
            return new NiceAxis(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
        }

        Map<String, Object> option(String name, String format, boolean splitLines) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("type", "value");
            if (name != null) {
                a.put("name", name);
            }
            a.put("min", number(min));
            a.put("max", number(max));
            a.put("interval", number(interval));
            a.put("axisLabel", Map.of("formatter", format));
            a.put("splitLine", Map.of("show", splitLines));
            return a;
        }

        private static Object number(double d) {
            BigDecimal b = BigDecimal.valueOf(d).setScale(8, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
            return b.scale() <= 0 ? (Object) b.longValueExact() : (Object) b;
        }
    }
}
