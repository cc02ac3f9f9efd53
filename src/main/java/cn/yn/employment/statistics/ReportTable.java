package cn.yn.employment.statistics;

import java.math.BigDecimal;
import java.util.List;

/**
 * A statistics table as the PDF, the Excel workbook and the dashboard grids show it. Cells are
 * {@link Long}, {@link BigDecimal}, {@link Percent} or {@link String} (null = empty), so exports keep numbers as
 * numbers.
 */
public record ReportTable(String title, String periodCode, String scopeLabel, List<String> headers,
                          List<List<Object>> rows, String note, byte[] chartPng) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    /** A rate held as a fraction (−0.0050), shown as a percentage with two decimals (−0.50%). */
    public record Percent(BigDecimal fraction) {
        public static Percent of(BigDecimal fraction) {
            return fraction == null ? null : new Percent(fraction);
        }

        @Override
        public String toString() {
            return Figures.percent(fraction).toPlainString() + "%";
        }
    }

    /** A cell as text: numbers plain, rates with two decimals and a percent sign, null as empty. */
    public static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return cell.toString();
    }

    public ReportTable withChart(byte[] png) {
        return new ReportTable(title, periodCode, scopeLabel, headers, rows, note, png);
    }
}
