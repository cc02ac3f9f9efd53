package cn.yn.employment.accounts.ui;

import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserExport;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.accounts.UserLabels;
import cn.yn.employment.ui.ExcelDownload;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import cn.yn.employment.accounts.UserView;
import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** System administrator: search, create, edit, disable, unlock users and reset passwords. */
@Route(value = "admin/users", layout = MainLayout.class)
@RolesAllowed(Role.SYSTEM_ADMIN_)
public class UserAdminView extends VerticalLayout implements HasViewTitle {

    static final DateTimeFormatter TIME = BusinessTime.MINUTES;

    private final AccountService accounts;
    private final CodeService codes;
    final TextField search = new TextField();
    final Grid<UserView> grid = new Grid<>();
    final Anchor export;
    private final transient UserLabels.Names names;
    /** The search the grid shows, read by the Excel download's request. */
    private volatile String shownText = "";

    public UserAdminView(AccountService accounts, CodeService codes, UserLabels labels, UserExport exporter) {
        this.accounts = accounts;
        this.codes = codes;
        this.names = labels.names();
        java.util.Locale locale = getLocale();
        setSizeFull();
        search.setPlaceholder(getTranslation("accounts.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("user-search");
        search.addValueChangeListener(e -> {
            shownText = search.getValue();
            grid.getDataProvider().refreshAll();
        });
        export = ExcelDownload.button("user-export", getTranslation("ui.exportExcel"),
                ExcelDownload.dated(getTranslation("accounts.export.file", "{0}")),
                out -> exporter.write(shownText, locale, out));
        Button create = new Button(getTranslation("accounts.action.newUser"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");

        grid.addColumn(UserView::username).setHeader(getTranslation("accounts.field.username")).setAutoWidth(true);
        grid.addColumn(UserView::displayName).setHeader(getTranslation("accounts.field.displayName")).setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().sorted().map(r -> getTranslation("role." + r.name())).collect(Collectors.joining("、")))
                .setHeader(getTranslation("accounts.field.roles")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(u -> names.scope(u, locale)).setHeader(getTranslation("accounts.field.scopeType")).setAutoWidth(true)
                .setKey("scope");
        grid.addColumn(this::status).setHeader(getTranslation("accounts.field.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("ui.actions")).setAutoWidth(true);
        grid.setItems(q -> {
            java.util.List<UserView> page = accounts.search(search.getValue(), null, null, q.getPage(), q.getPageSize()).getContent();
            names.prefetch(page);
            return page.stream();
        });
        grid.setSizeFull();
        grid.setId("user-grid");
        add(new HorizontalLayout(search, create, export), grid);
    }

    private String status(UserView u) {
        if (!u.enabled()) {
            return getTranslation("accounts.status.disabled");
        }
        return u.locked() ? getTranslation("accounts.status.locked", TIME.format(u.lockedUntil())) : getTranslation("accounts.status.enabled");
    }

    private HorizontalLayout actions(UserView u) {
        Button edit = small(getTranslation("ui.edit"), () -> openEditor(u));
        Button toggle;
        if (u.enabled()) {
            toggle = new Button(getTranslation("accounts.action.disable"), e -> confirmDisable(u));
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        } else {
            toggle = small(getTranslation("accounts.action.enable"), () -> {
                accounts.setEnabled(u.id(), true);
                Feedback.success(getTranslation("accounts.enable.done", u.username()));
            });
        }
        toggle.setId("user-toggle-" + u.username());
        Button unlock = small(getTranslation("accounts.action.unlock"), () -> {
            accounts.unlock(u.id());
            Feedback.success(getTranslation("accounts.unlock.done", u.username()));
        });
        unlock.setVisible(u.locked());
        Button reset = new Button(getTranslation("accounts.action.resetPassword"), e -> openReset(u));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(edit, toggle, unlock, reset);
    }

    private Button small(String text, Runnable action) {
        Button b = new Button(text, e -> {
            try {
                action.run();
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    /** 停用 asks first, names whom it concerns, and says what happened (or why not, e.g. the last administrator). */
    ConfirmDialog confirmDisable(UserView u) {
        ConfirmDialog d = new ConfirmDialog();
        d.setId("user-disable-dialog");
        d.setHeader(getTranslation("accounts.disable.title", u.username()));
        d.setText(getTranslation("accounts.disable.text", u.displayName(), u.username()));
        d.setCancelable(true);
        d.setCancelText(getTranslation("ui.cancel"));
        d.setConfirmText(getTranslation("accounts.disable.confirm"));
        d.setConfirmButtonTheme("error primary");
        d.addConfirmListener(e -> {
            d.close(); // first: a toast shown while the modal is open would be attached to it and go with it
            try {
                accounts.setEnabled(u.id(), false);
                Feedback.success(getTranslation("accounts.disable.done", u.username()));
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
            grid.getDataProvider().refreshAll();
        });
        d.open();
        return d;
    }

    private void openReset(UserView u) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("accounts.action.resetPassword") + " · " + u.username());
        PasswordField pw = new PasswordField(getTranslation("accounts.field.newPassword"));
        pw.setId("reset-password");
        Button ok = new Button(getTranslation("ui.confirm"), e -> {
            try {
                accounts.resetPassword(u.id(), pw.getValue());
                Feedback.success(getTranslation("accounts.reset.done"));
                d.close();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, Map.of("newPassword", pw));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(pw);
        d.getFooter().add(new Button(getTranslation("ui.cancel"), e -> d.close()), ok);
        d.open();
    }

    void openEditor(UserView existing) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation(existing == null ? "accounts.dialog.create" : "accounts.dialog.edit"));
        TextField username = new TextField(getTranslation("accounts.field.username"));
        TextField displayName = new TextField(getTranslation("accounts.field.displayName"));
        TextField email = new TextField(getTranslation("accounts.field.email"));
        TextField phone = new TextField(getTranslation("accounts.field.phone"));
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("accounts.field.roles"));
        roles.setItems(EnumSet.allOf(Role.class));
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        Select<ScopeType> scopeType = new Select<>();
        scopeType.setLabel(getTranslation("accounts.field.scopeType"));
        scopeType.setItems(ScopeType.values());
        scopeType.setItemLabelGenerator(t -> getTranslation("accounts.scopeType." + t.name()));
        ComboBox<Code> city = new ComboBox<>(getTranslation("accounts.field.city"));
        city.setItems(codes.cities());
        city.setItemLabelGenerator(Code::label);
        IntegerField enterpriseId = new IntegerField(getTranslation("accounts.field.enterpriseId"));
        PasswordField password = new PasswordField(getTranslation("accounts.field.initialPassword"));
        username.setId("edit-username");
        displayName.setId("edit-display-name");
        roles.setId("edit-roles");
        scopeType.setId("edit-scope-type");
        city.setId("edit-city");
        password.setId("edit-password");
        scopeType.addValueChangeListener(e -> {
            city.setVisible(e.getValue() == ScopeType.CITY);
            enterpriseId.setVisible(e.getValue() == ScopeType.ENTERPRISE);
        });
        scopeType.setValue(ScopeType.SYSTEM);
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            email.setValue(existing.email() == null ? "" : existing.email());
            phone.setValue(existing.phone() == null ? "" : existing.phone());
            roles.setValue(existing.roles());
            scopeType.setValue(existing.scope().type());
            if (existing.scope().type() == ScopeType.CITY) {
                codes.cities().stream().filter(c -> c.code().equals(existing.scope().code())).findFirst().ifPresent(city::setValue);
            }
            if (existing.scope().type() == ScopeType.ENTERPRISE) {
                enterpriseId.setValue(Integer.valueOf(existing.scope().code()));
            }
            password.setVisible(false);
        }
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("roles", roles);
        fields.put("scope", scopeType);
        fields.put("initialPassword", password);
        Button save = new Button(getTranslation("ui.save"), e -> {
            try {
                Scope scope = switch (scopeType.getValue()) {
                    case CITY -> city.getValue() == null ? null : Scope.city(city.getValue().code());
                    case ENTERPRISE -> enterpriseId.getValue() == null ? null : Scope.enterprise(enterpriseId.getValue());
                    case PROVINCE -> Scope.province();
                    case SYSTEM -> Scope.system();
                };
                if (scope == null) {
                    scopeType.setErrorMessage(getTranslation(scopeType.getValue() == ScopeType.CITY
                            ? "accounts.scope.cityRequired" : "accounts.scope.enterpriseRequired"));
                    scopeType.setInvalid(true);
                    return;
                }
                UserForm form = new UserForm(username.getValue(), displayName.getValue(), email.getValue(), phone.getValue(),
                        roles.getValue(), scope, password.getValue());
                if (existing == null) {
                    accounts.create(form);
                } else {
                    accounts.update(existing.id(), form);
                }
                Feedback.success(getTranslation("ui.saved"));
                d.close();
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-user");
        FormLayout form = new FormLayout(username, displayName, email, phone, roles, scopeType, city, enterpriseId, password);
        form.setColspan(roles, 2);
        d.add(form);
        d.setWidth("640px");
        d.getFooter().add(new Button(getTranslation("ui.cancel"), e -> d.close()), save);
        d.open();
    }

    @Override
    public String viewTitle() {
        return getTranslation("accounts.users.title");
    }
}
