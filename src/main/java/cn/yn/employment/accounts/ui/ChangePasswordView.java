package cn.yn.employment.accounts.ui;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;

@Route(value = "account/password", layout = MainLayout.class)
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasViewTitle {

    final PasswordField current = new PasswordField();
    final PasswordField fresh = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();
    final com.vaadin.flow.component.html.Paragraph forced = new com.vaadin.flow.component.html.Paragraph();

    public ChangePasswordView(AccountService accounts) {
        current.setLabel(getTranslation("accounts.field.currentPassword"));
        current.setId("current-password");
        fresh.setLabel(getTranslation("accounts.field.newPassword"));
        fresh.setId("new-password");
        fresh.setHelperText(getTranslation("accounts.password.tooShort") + "，" + getTranslation("accounts.password.lettersAndDigits"));
        repeat.setLabel(getTranslation("accounts.field.repeatPassword"));
        repeat.setId("repeat-password");
        save.setText(getTranslation("ui.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-password");
        Map<String, PasswordField> fields = Map.of("currentPassword", current, "newPassword", fresh, "repeatPassword", repeat);
        save.addClickListener(e -> {
            try {
                if (!fresh.getValue().equals(repeat.getValue())) {
                    throw new DomainException("accounts.user.invalid",
                            List.of(new DomainException.FieldError("repeatPassword", "accounts.password.mismatch")));
                }
                accounts.changeOwnPassword(current.getValue(), fresh.getValue());
                PasswordChangeGuard.cleared();
                forced.setVisible(false);
                fields.values().forEach(f -> {
                    f.clear();
                    f.setInvalid(false);
                });
                Feedback.success(getTranslation("accounts.password.changed"));
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, fields);
            }
        });
        forced.setText(getTranslation("accounts.password.mustChange"));
        forced.setId("must-change-password");
        forced.getStyle().set("color", "var(--lumo-error-text-color)");
        forced.setVisible(accounts.mustChangeOwnPassword());
        add(forced);
        FormLayout form = new FormLayout(current, fresh, repeat);
        form.setMaxWidth("480px");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, save);
    }

    @Override
    public String viewTitle() {
        return getTranslation("accounts.password.title");
    }
}
