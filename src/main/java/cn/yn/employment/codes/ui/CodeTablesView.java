package cn.yn.employment.codes.ui;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * System administrator: the versioned code tables. Pick a table, see every entry with its versions, add a
 * version (a renamed county, a new industry label) or a new entry, retire an entry. History is never lost.
 */
@Route(value = "admin/codes", layout = MainLayout.class)
@RolesAllowed(Role.SYSTEM_ADMIN_)
public class CodeTablesView extends VerticalLayout implements HasViewTitle {

    private final transient CodeService codes;
    private final transient Clock clock;
    final Select<CodeType> table = new Select<>();
    final TextField filter = new TextField();
    final Checkbox history = new Checkbox();
    final Grid<Code> grid = new Grid<>();
    final Span count = new Span();
    Dialog editor;
    Map<String, HasValidation> editorFields;

    public CodeTablesView(CodeService codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
        setSizeFull();
        table.setLabel(getTranslation("codes.field.table"));
        table.setItems(CodeType.values());
        table.setItemLabelGenerator(t -> getTranslation("codes.table." + t.name()));
        table.setId("code-table");
        table.setWidth("16em");
        filter.setLabel(getTranslation("codes.field.filter"));
        filter.setPlaceholder(getTranslation("codes.filter.placeholder"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setId("code-filter");
        history.setLabel(getTranslation("codes.field.history"));
        history.setValue(true);
        history.setId("code-history");
        Button add = new Button(getTranslation("codes.action.newEntry"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("code-new-entry");
        HorizontalLayout bar = new HorizontalLayout(table, filter, history, count, add);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.setFlexGrow(1, count);
        bar.setWrap(true);

        grid.addColumn(Code::code).setHeader(getTranslation("codes.field.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Code::name).setHeader(getTranslation("codes.field.name")).setFlexGrow(2);
        grid.addColumn(c -> c.level() == null ? "" : getTranslation("codes.level." + c.level()))
                .setHeader(getTranslation("codes.field.level")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.parentCode() == null ? "" : c.parentCode()).setHeader(getTranslation("codes.field.parent"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.validFrom().toString()).setHeader(getTranslation("codes.field.validFrom")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.validTo() == null ? "—" : c.validTo().toString()).setHeader(getTranslation("codes.field.validTo"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader(getTranslation("codes.field.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("ui.actions")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setId("code-grid");

        table.addValueChangeListener(e -> refresh());
        filter.addValueChangeListener(e -> refresh());
        history.addValueChangeListener(e -> refresh());
        add(bar, grid);
        setFlexGrow(1, grid);
        table.setValue(CodeType.REGION);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfig.ZONE));
    }

    void refresh() {
        CodeType type = table.getValue();
        if (type == null) {
            grid.setItems(List.of());
            return;
        }
        String f = filter.getValue() == null ? "" : filter.getValue().trim();
        LocalDate today = today();
        List<Code> rows = (history.getValue() ? codes.allVersions(type) : codes.current(type)).stream()
                .filter(c -> history.getValue() || c.validOn(today))
                .filter(c -> f.isEmpty() || c.code().startsWith(f) || c.name().contains(f))
                .toList();
        grid.setItems(rows);
        count.setText(getTranslation("ui.total", rows.size()));
    }

    private Span status(Code c) {
        LocalDate today = today();
        String key = c.validOn(today) ? "current" : c.validFrom().isAfter(today) ? "future" : "expired";
        Span s = new Span(getTranslation("codes.status." + key));
        s.getElement().getThemeList().add("badge small " + ("current".equals(key) ? "success" : "future".equals(key) ? "" : "contrast"));
        return s;
    }

    private HorizontalLayout actions(Code c) {
        HorizontalLayout h = new HorizontalLayout();
        if (c.validTo() == null) {
            Button version = new Button(getTranslation("codes.action.newVersion"), e -> openEditor(c));
            version.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            version.setId("version-" + c.code());
            Button retire = new Button(getTranslation("codes.action.retire"), e -> openRetire(c));
            retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            retire.setId("retire-" + c.code());
            h.add(version, retire);
        }
        return h;
    }

    /** New entry when {@code base} is null, otherwise a new version of it. */
    void openEditor(Code base) {
        CodeType type = table.getValue();
        editor = new Dialog();
        editor.setHeaderTitle(getTranslation(base == null ? "codes.dialog.newEntry" : "codes.dialog.newVersion",
                getTranslation("codes.table." + type.name())));
        TextField code = new TextField(getTranslation("codes.field.code"));
        code.setId("edit-code");
        TextField name = new TextField(getTranslation("codes.field.name"));
        name.setId("edit-name");
        TextField level = new TextField(getTranslation("codes.field.level"));
        level.setHelperText(getTranslation("codes.level.hint." + type.name()));
        level.setId("edit-level");
        TextField parent = new TextField(getTranslation("codes.field.parent"));
        parent.setId("edit-parent");
        DatePicker validFrom = new DatePicker(getTranslation("codes.field.validFrom"));
        validFrom.setId("edit-valid-from");
        validFrom.setValue(today());
        if (base != null) {
            code.setValue(base.code());
            code.setReadOnly(true);
            name.setValue(base.name());
            level.setValue(base.level() == null ? "" : base.level());
            parent.setValue(base.parentCode() == null ? "" : base.parentCode());
        }
        editorFields = new LinkedHashMap<>();
        editorFields.put("code", code);
        editorFields.put("name", name);
        editorFields.put("level", level);
        editorFields.put("parentCode", parent);
        editorFields.put("validFrom", validFrom);
        Button save = new Button(getTranslation("ui.save"), e -> {
            try {
                codes.saveVersion(type, code.getValue(), name.getValue(), level.getValue(), parent.getValue(), validFrom.getValue());
                Feedback.success(getTranslation("ui.saved"));
                editor.close();
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, editorFields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-code");
        FormLayout form = new FormLayout(code, name, level, parent, validFrom);
        form.setColspan(name, 2);
        editor.add(form);
        editor.setWidth("560px");
        editor.getFooter().add(new Button(getTranslation("ui.cancel"), e -> editor.close()), save);
        editor.open();
    }

    void openRetire(Code c) {
        CodeType type = table.getValue();
        editor = new Dialog();
        editor.setHeaderTitle(getTranslation("codes.dialog.retire", c.code() + " " + c.name()));
        DatePicker validTo = new DatePicker(getTranslation("codes.field.validTo"));
        validTo.setHelperText(getTranslation("codes.retire.hint"));
        validTo.setValue(today());
        validTo.setId("edit-valid-to");
        editorFields = Map.of("validTo", validTo);
        Button ok = new Button(getTranslation("codes.action.retire"), e -> {
            try {
                codes.retire(type, c.code(), validTo.getValue());
                Feedback.success(getTranslation("ui.saved"));
                editor.close();
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, editorFields);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        ok.setId("confirm-retire");
        editor.add(validTo);
        editor.getFooter().add(new Button(getTranslation("ui.cancel"), e -> editor.close()), ok);
        editor.open();
    }

    @Override
    public String viewTitle() {
        return getTranslation("codes.title");
    }
}
