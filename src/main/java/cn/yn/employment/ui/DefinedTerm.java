package cn.yn.employment.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.HasTooltip;

/**
 * A term with its definition as a tooltip (hover or keyboard focus), e.g. a column header 已报 explaining what it
 * counts. Text and definition are i18n keys: {@code key} and {@code key + ".help"}.
 */
public class DefinedTerm extends Span implements HasTooltip {

    public DefinedTerm(String key) {
        setText(getTranslation(key));
        addClassName("ems-defined-term");
        getStyle().set("text-decoration", "underline dotted").set("text-underline-offset", "3px").set("cursor", "help");
        getElement().setAttribute("tabindex", "0");
        setTooltipText(getTranslation(key + ".help"));
    }

    /** The definition shown as the tooltip. */
    public String definition() {
        return getTooltip().getText();
    }
}
