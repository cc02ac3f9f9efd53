package cn.yn.employment.review.ui;

import static cn.yn.employment.common.Texts.trimToNull;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.review.InboxFilter;
import cn.yn.employment.review.ReviewService;
import cn.yn.employment.review.SavedFilter;
import cn.yn.employment.ui.Feedback;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;

/**
 * The inbox's filter bar: the filter fields, 查询/重置, and the saved filters (own and shared). It knows the filter,
 * the inbox view knows the list; {@code onSearch} is how the bar asks the view to reload.
 */
class InboxFilterBar extends VerticalLayout {

    private final ReviewService review;
    private final CodeService codes;
    private final CurrentUser user;
    private final boolean province;
    private final Runnable onSearch;
    private final cn.yn.employment.review.InboxPages periods;

    final ComboBox<String> period = new ComboBox<>();
    final ComboBox<Code> region = new ComboBox<>();
    final ComboBox<Code> industry = new ComboBox<>();
    final Select<String> kind = new Select<>();
    final Select<String> warnings = new Select<>();
    final Checkbox overdue = new Checkbox();
    final Select<InboxFilter.Claim> claim = new Select<>();
    final Select<Boolean> newestFirst = new Select<>();
    final TextField text = new TextField();
    final ComboBox<SavedFilter> saved = new ComboBox<>();
    final Button search = new Button();
    final Button reset = new Button();
    final Button saveFilter = new Button();
    final Button deleteFilter = new Button();


    InboxFilterBar(ReviewService review, cn.yn.employment.review.InboxPages periods, CodeService codes, CurrentUser user, boolean province, Runnable onSearch) {
        this.review = review;
        this.codes = codes;
        this.user = user;
        this.province = province;
        this.onSearch = onSearch;
        this.periods = periods;
        buildFilters();
        layOut();
        refreshSavedFilters();
    }

    private void buildFilters() {
        period.setLabel(getTranslation("review.filter.period"));
        period.setPlaceholder(getTranslation("review.filter.any"));
        period.setItems(periods.periods());
        period.setWidth("8em");
        period.setClearButtonVisible(true);
        period.setId("review-filter-period");
        region.setLabel(getTranslation(province ? "review.filter.city" : "review.filter.county"));
        region.setItems(province ? codes.cities() : codes.counties(user.scope().code()));
        region.setItemLabelGenerator(Code::label);
        region.setClearButtonVisible(true);
        region.setId("review-filter-region");
        industry.setLabel(getTranslation("review.filter.industry"));
        industry.setItems(codes.current(CodeType.INDUSTRY).stream().filter(c -> "division".equals(c.level())).toList());
        industry.setItemLabelGenerator(Code::label);
        industry.setClearButtonVisible(true);
        industry.setId("review-filter-industry");
        kind.setLabel(getTranslation("review.filter.kind"));
        kind.setItems("", "REPORT", "FILING");
        kind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("review.filter.any") : getTranslation("review.kind." + k));
        kind.setValue("");
        kind.setWidth("7em");
        kind.setId("review-filter-kind");
        warnings.setLabel(getTranslation("review.filter.warnings"));
        warnings.setItems("", "yes", "no");
        warnings.setItemLabelGenerator(k -> getTranslation(k.isEmpty() ? "review.filter.any" : "review.filter." + k));
        warnings.setValue("");
        warnings.setWidth("6em");
        warnings.setId("review-filter-warnings");
        overdue.setLabel(getTranslation("review.filter.overdue"));
        overdue.setId("review-filter-overdue");
        claim.setLabel(getTranslation("review.filter.claim"));
        claim.setItems(InboxFilter.Claim.values());
        claim.setItemLabelGenerator(c -> getTranslation("review.filter.claim." + c.name()));
        claim.setValue(InboxFilter.Claim.ANY);
        claim.setWidth("8em");
        claim.setId("review-filter-claim");
        newestFirst.setLabel(getTranslation("review.filter.sort"));
        newestFirst.setItems(false, true);
        newestFirst.setItemLabelGenerator(b -> getTranslation(b ? "review.filter.sort.newest" : "review.filter.sort.oldest"));
        newestFirst.setValue(false);
        newestFirst.setWidth("14em");
        newestFirst.setId("review-filter-sort");
        text.setLabel(getTranslation("review.filter.text"));
        text.setClearButtonVisible(true);
        text.setWidth("20em");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setId("review-filter-text");
        search.setText(getTranslation("review.filter.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("review-search");
        search.addClickListener(e -> onSearch.run());
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        reset.setText(getTranslation("review.filter.reset"));
        reset.setId("review-reset");
        reset.addClickListener(e -> {
            apply(InboxFilter.none());
            saved.clear();
            onSearch.run();
        });
        saved.setLabel(getTranslation("review.filter.saved"));
        saved.setItemLabelGenerator(f -> f.owner().equals(user.username()) ? f.name()
                : getTranslation("review.filter.sharedBy", f.name(), f.owner()));
        saved.setClearButtonVisible(true);
        saved.setId("review-saved-filter");
        saved.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                deleteFilter.setEnabled(e.getValue() != null && e.getValue().owner().equals(user.username()));
                if (e.getValue() != null) {
                    apply(e.getValue().filter());
                    onSearch.run();
                }
            }
        });
        saveFilter.setText(getTranslation("review.filter.save"));
        saveFilter.setIcon(VaadinIcon.BOOKMARK.create());
        saveFilter.setId("review-save-filter");
        saveFilter.addClickListener(e -> openSaveFilter());
        deleteFilter.setText(getTranslation("review.filter.delete"));
        deleteFilter.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        deleteFilter.setEnabled(false);
        deleteFilter.setId("review-delete-filter");
        deleteFilter.addClickListener(e -> {
            SavedFilter f = saved.getValue();
            if (f != null) {
                try {
                    review.deleteFilter(f.id());
                    saved.clear();
                    refreshSavedFilters();
                } catch (RuntimeException ex) {
                    Feedback.show(this, ex);
                }
            }
        });
    }

    private void layOut() {
        HorizontalLayout row1 = new HorizontalLayout(period, region, industry, kind, warnings, claim, newestFirst);
        row1.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row1.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout row2 = new HorizontalLayout(text, overdue, search, reset, saved, saveFilter, deleteFilter);
        row2.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row2.getStyle().set("flex-wrap", "wrap");
        add(row1, row2);
        setPadding(false);
        setSpacing(false);
        addClassName("ems-filter-bar");
    }

    /** Overdue and claim only mean something for open items (待办, 被退回). */
    void openTab(boolean open) {
        overdue.setEnabled(open);
        claim.setEnabled(open);
    }

    InboxFilter currentFilter() {
        Code r = region.getValue();
        Code ind = industry.getValue();
        String w = warnings.getValue();
        return new InboxFilter(trimToNull(period.getValue()), province && r != null ? r.code() : null,
                !province && r != null ? r.code() : null, ind == null ? null : ind.code(), trimToNull(kind.getValue()),
                w == null || w.isEmpty() ? null : "yes".equals(w), overdue.getValue() ? Boolean.TRUE : null,
                claim.getValue(), trimToNull(text.getValue()), Boolean.TRUE.equals(newestFirst.getValue()));
    }

    void apply(InboxFilter f) {
        period.setValue(f.periodCode());
        String regionCode = province ? f.cityCode() : f.countyCode();
        region.setValue(regionCode == null ? null : codes.find(CodeType.REGION, regionCode).orElse(null));
        industry.setValue(f.industryDivision() == null ? null : codes.find(CodeType.INDUSTRY, f.industryDivision()).orElse(null));
        kind.setValue(f.kind() == null ? "" : f.kind());
        warnings.setValue(f.hasWarnings() == null ? "" : f.hasWarnings() ? "yes" : "no");
        overdue.setValue(Boolean.TRUE.equals(f.overdue()));
        claim.setValue(f.claim());
        text.setValue(f.text() == null ? "" : f.text());
        newestFirst.setValue(f.newestFirst());
    }

    void openSaveFilter() {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("review.filter.save"));
        TextField name = new TextField(getTranslation("review.filter.name"));
        name.setId("review-filter-name");
        name.setWidthFull();
        Checkbox shared = new Checkbox(getTranslation("review.filter.shared"));
        shared.setId("review-filter-shared");
        Button ok = new Button(getTranslation("ui.save"), e -> {
            try {
                SavedFilter f = review.saveFilter(name.getValue(), currentFilter(), shared.getValue());
                Feedback.success(getTranslation("review.filter.savedDone", f.name()));
                refreshSavedFilters();
                d.close();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, Map.of("name", name));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("review-filter-save-ok");
        d.add(new VerticalLayout(name, shared));
        d.getFooter().add(new Button(getTranslation("ui.cancel"), e -> d.close()), ok);
        d.open();
    }

    void refreshSavedFilters() {
        try {
            saved.setItems(review.savedFilters());
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
    }
}
