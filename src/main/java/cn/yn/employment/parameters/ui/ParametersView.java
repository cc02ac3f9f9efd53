package cn.yn.employment.parameters.ui;

import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.parameters.ParameterValue;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** System administrator: the typed system parameters with their bounds, and editing with validation at the field. */
@Route(value = "admin/parameters", layout = MainLayout.class)
@RolesAllowed(Role.SYSTEM_ADMIN_)
public class ParametersView extends VerticalLayout implements HasViewTitle {

    static final DateTimeFormatter TIME = BusinessTime.MINUTES;

    private final transient ParameterService parameters;
    final Grid<ParameterValue> grid = new Grid<>();
    /** The open editor's value field (for tests). */
    TextField editorField;
    Dialog editor;

    public ParametersView(ParameterService parameters) {
        this.parameters = parameters;
        setSizeFull();
        Paragraph hint = new Paragraph(getTranslation("parameters.hint"));
        hint.addClassName("ems-muted");

        grid.addColumn(v -> getTranslation("parameters." + v.parameter().key())).setHeader(getTranslation("parameters.field.label"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(v -> v.parameter().key()).setHeader(getTranslation("parameters.field.key")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ParameterValue::value).setHeader(getTranslation("parameters.field.value")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> getTranslation("parameters.type." + v.parameter().type().name()))
                .setHeader(getTranslation("parameters.field.type")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> bounds(v.parameter())).setHeader(getTranslation("parameters.field.bounds")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.parameter().defaultValue()).setHeader(getTranslation("parameters.field.default")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.updatedAt() == null ? getTranslation("parameters.neverChanged")
                        : TIME.format(v.updatedAt()) + " · " + v.updatedBy())
                .setHeader(getTranslation("parameters.field.lastChange")).setAutoWidth(true);
        grid.addComponentColumn(v -> {
            Button edit = new Button(getTranslation("ui.edit"), e -> openEditor(v));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.setId("edit-" + v.parameter().name());
            return edit;
        }).setHeader(getTranslation("ui.actions")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("parameter-grid");
        add(hint, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    void refresh() {
        try {
            grid.setItems(parameters.list());
        } catch (RuntimeException ex) {
            Feedback.show(this, ex);
        }
    }

    private String bounds(Parameter p) {
        if (p.min() == null && p.max() == null) {
            return p == Parameter.REMINDER_OFFSETS_DAYS ? getTranslation("parameters.bounds.offsets") : "—";
        }
        return getTranslation("parameters.bounds.range", p.min(), p.max());
    }

    void openEditor(ParameterValue v) {
        Parameter p = v.parameter();
        editor = new Dialog();
        editor.setHeaderTitle(getTranslation("parameters." + p.key()));
        TextField value = new TextField(getTranslation("parameters.field.value"));
        value.setValue(v.value());
        value.setHelperText(getTranslation("parameters.type." + p.type().name()) + " · " + bounds(p));
        value.setValueChangeMode(ValueChangeMode.EAGER);
        value.setId("parameter-value");
        value.setWidthFull();
        value.addValueChangeListener(e -> {
            String error = ParameterService.validate(p, e.getValue() == null ? null : e.getValue().trim());
            value.setInvalid(error != null);
            value.setErrorMessage(error == null ? null : getTranslation(error, p.min(), p.max()));
        });
        editorField = value;
        Span key = new Span(p.key());
        key.addClassName("ems-muted");
        Button save = new Button(getTranslation("ui.save"), e -> {
            try {
                parameters.set(p, value.getValue());
                Feedback.success(getTranslation("ui.saved"));
                editor.close();
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, Map.of(p.key(), value));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-parameter");
        editor.add(new Div(key), value);
        editor.setWidth("480px");
        editor.getFooter().add(new Button(getTranslation("ui.cancel"), e -> editor.close()), save);
        editor.open();
    }

    @Override
    public String viewTitle() {
        return getTranslation("parameters.title");
    }
}
