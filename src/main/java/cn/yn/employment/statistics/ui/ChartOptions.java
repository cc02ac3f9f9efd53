package cn.yn.employment.statistics.ui;

import cn.yn.employment.statistics.Figures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options built as maps and serialised with Jackson. */
final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartOptions() {
    }

    /** Bars (left axis) with a line of percentages (right axis). */
    static String barsAndRate(List<String> categories, String barName, List<? extends Number> bars, String lineName,
                              List<BigDecimal> ratesPercent, boolean rotateLabels) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("data", List.of(barName, lineName)));
        o.put("grid", Map.of("left", 60, "right", 60, "bottom", rotateLabels ? 80 : 40, "top", 40));
        o.put("xAxis", Map.of("type", "category", "data", categories,
                "axisLabel", Map.of("rotate", rotateLabels ? 40 : 0, "interval", 0)));
        o.put("yAxis", List.of(Map.of("type", "value", "name", barName),
                Map.of("type", "value", "name", lineName, "axisLabel", Map.of("formatter", "{value}%"))));
        o.put("series", List.of(
                Map.of("name", barName, "type", "bar", "data", bars, "itemStyle", Map.of("color", "#5470C6")),
                Map.of("name", lineName, "type", "line", "yAxisIndex", 1, "data", ratesPercent, "smooth", false,
                        "itemStyle", Map.of("color", "#EE6666"))));
        return write(o);
    }

    /** Horizontal-ish single series of percentages (submission rates). */
    static String percentBars(List<String> categories, String name, List<BigDecimal> percents) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("grid", Map.of("left", 60, "right", 30, "bottom", 80, "top", 30));
        o.put("xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("rotate", 40, "interval", 0)));
        o.put("yAxis", Map.of("type", "value", "max", 100, "axisLabel", Map.of("formatter", "{value}%")));
        o.put("series", List.of(Map.of("name", name, "type", "bar", "data", percents, "itemStyle", Map.of("color", "#91CC75"),
                "label", Map.of("show", true, "position", "top", "formatter", "{c}%"))));
        return write(o);
    }

    static String pie(String name, List<String> labels, List<? extends Number> values) {
        List<Map<String, Object>> data = new java.util.ArrayList<>();
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

    static BigDecimal pct(BigDecimal fraction) {
        return fraction == null ? null : Figures.percent(fraction);
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
