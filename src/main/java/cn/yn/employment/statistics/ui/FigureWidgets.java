package cn.yn.employment.statistics.ui;

import cn.yn.employment.statistics.Figures;
import cn.yn.employment.statistics.Overview;
import cn.yn.employment.statistics.ReportTable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * The pieces the statistics screens share — key-figure cards, the provisional banner, percentages, download links and
 * the figures' grid — for {@link DashboardView}, {@link LeaderHomePanel} and {@link ArchiveView}.
 */
final class FigureWidgets {

    private FigureWidgets() {
    }

    /** The {@code reporting.provisional} banner (as of when, accepted of due) above figures that can still change. */
    static Component provisionalBanner(Overview o, String id, java.util.function.BiFunction<String, Object[], String> t) {
        Span banner = new Span(t.apply("reporting.provisional",
                new Object[] {o.asOf().toString(), o.figures().accepted(), o.figures().due()}));
        banner.setId(id);
        banner.addClassName("ems-provisional");
        banner.getElement().getThemeList().add("badge contrast");
        banner.getStyle().set("display", "inline-block").set("margin", "var(--lumo-space-s) 0")
                .set("white-space", "normal").set("border", "1px dashed var(--lumo-contrast-50pct)");
        return banner;
    }

    /** A key figure named by a reporting term ({@code reporting.*}), with the term's definition as its tooltip. */
    static KpiCard defined(String id, String termKey, String value, String detail,
                           java.util.function.BiFunction<String, Object[], String> t) {
        KpiCard card = new KpiCard(id, t.apply(termKey, new Object[0]), value, detail);
        card.setTooltipText(t.apply(termKey + ".help", new Object[0]));
        return card;
    }

    static String pctText(BigDecimal fraction, String na) {
        return fraction == null ? na : Figures.percent(fraction).toPlainString() + "%";
    }

    static KpiCard kpi(String id, String label, String value, String detail, java.util.function.Function<String, String> t) {
        return new KpiCard(id, t.apply(label), value, detail);
    }

    static Anchor download(String text, String fileName, String mime, Supplier<byte[]> bytes) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] b = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(b), fileName, mime, b.length);
        }), text);
        a.getElement().setAttribute("download", fileName);
        return a;
    }

    static Grid<List<Object>> grid(ReportTable t, String emptyText) {
        Grid<List<Object>> grid = new Grid<>();
        for (int i = 0; i < t.headers().size(); i++) {
            int col = i;
            // headers wrap and numeric columns share the width, so every column fits at 1,440 px
            Span header = new Span(t.headers().get(i));
            header.getStyle().set("white-space", "normal").set("line-height", "1.2");
            var c = grid.addColumn(r -> col < r.size() ? ReportTable.text(r.get(col)) : "").setHeader(header)
                    .setResizable(true);
            if (i > 0) {
                c.setTextAlign(ColumnTextAlign.END).setWidth("5.5em").setFlexGrow(1);
            } else {
                c.setFrozen(true).setWidth("11em").setFlexGrow(0);
            }
        }
        grid.setItems(t.rows());
        if (t.rows().isEmpty()) {
            grid.setEmptyStateText(emptyText);
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (t.rows().size() <= 20) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("480px");
        }
        return grid;
    }
}
