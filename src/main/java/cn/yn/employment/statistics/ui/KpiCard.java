package cn.yn.employment.statistics.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.HasTooltip;
import com.vaadin.flow.component.shared.Tooltip;

/** A key figure: label, value and an optional detail line; a tooltip may define the figure. */
class KpiCard extends Div implements HasTooltip {

    private final Span value;

    KpiCard(String id, String label, String value, String detail) {
        setId("kpi-" + id);
        addClassName("ems-kpi");
        getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "130px");
        Span l = new Span(label);
        l.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        this.value = new Span(value);
        this.value.addClassName("ems-kpi-value");
        this.value.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        add(l, this.value);
        if (detail != null) {
            Span d = new Span(detail);
            d.addClassName("ems-kpi-detail");
            d.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
            add(d);
        }
    }

    /** The figure as shown. */
    String value() {
        return value.getText();
    }

    @Override
    public Tooltip setTooltipText(String text) {
        // keyboard users reach the definition too
        getElement().setAttribute("tabindex", "0");
        return HasTooltip.super.setTooltipText(text);
    }
}
