package cn.yn.employment.accounts.ui;

import cn.yn.employment.accounts.OidcProperties;
import cn.yn.employment.ui.LoginExtra;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The unified-identity sign-in button (i18n key in accounts.properties) beside the password form, only with {@code app.oidc.enabled=true} (ADR 0026). */
@org.springframework.stereotype.Component
@ConditionalOnProperty(name = "app.oidc.enabled", havingValue = "true")
class OidcLoginButton implements LoginExtra {

    private final OidcProperties properties;

    OidcLoginButton(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public Component create() {
        Div box = new Div();
        box.addClassName("ems-login-oidc");
        Span or = new Span(box.getTranslation("accounts.oidc.or"));
        or.addClassName("ems-login-oidc-or");
        Button button = new Button(box.getTranslation("accounts.oidc.button"), VaadinIcon.KEY.create());
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        button.setWidthFull();
        // a full page load: Spring Security's filter, not the Vaadin router, answers this path
        Anchor start = new Anchor(properties.authorizationPath().substring(1), button);
        start.setRouterIgnore(true);
        start.setId("oidc-login");
        start.addClassName("ems-login-oidc-start");
        Span hint = new Span(box.getTranslation("accounts.oidc.hint"));
        hint.addClassName("ems-login-oidc-hint");
        box.add(or, start, hint);
        return box;
    }
}
