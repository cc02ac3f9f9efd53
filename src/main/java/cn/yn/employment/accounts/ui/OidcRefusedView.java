package cn.yn.employment.accounts.ui;

import cn.yn.employment.accounts.OidcProperties;
import cn.yn.employment.ui.LoginView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where a refused OIDC sign-in lands (accounts.OidcLogin): the IdP knew the person, but this system does not let them
 * in, and says why — no local account (none is created), account disabled or locked, the matching claim missing,
 * an invalid or expired token, or a flow that did not complete.
 */
@Route("sso-refused")
@AnonymousAllowed
public class OidcRefusedView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final Set<String> REASONS = Set.of("unknown", "disabled", "locked", "noclaim", "token", "error");

    private final ObjectProvider<OidcProperties> properties;
    private final Paragraph message = new Paragraph();
    private final Div actions = new Div();

    public OidcRefusedView(ObjectProvider<OidcProperties> properties) {
        this.properties = properties;
        addClassName("ems-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        H1 title = new H1(getTranslation("accounts.oidc.refused.title"));
        title.addClassName("ems-login-title");
        message.setId("oidc-refused-message");
        actions.addClassName("ems-login-oidc-actions");
        Div card = new Div(title, message, actions);
        card.addClassName("ems-login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String reason = event.getLocation().getQueryParameters().getSingleParameter("reason").orElse("error");
        if (!REASONS.contains(reason)) {
            reason = "error";
        }
        OidcProperties oidc = properties.getIfAvailable();
        message.setText(getTranslation("accounts.oidc.refused." + reason,
                oidc == null ? "" : oidc.usernameClaim()));
        actions.removeAll();
        RouterLink back = new RouterLink(getTranslation("accounts.oidc.refused.back"), LoginView.class);
        back.setId("oidc-refused-back");
        actions.add(back);
        if (oidc != null && ("token".equals(reason) || "error".equals(reason))) {
            Anchor retry = new Anchor(oidc.authorizationPath().substring(1), getTranslation("accounts.oidc.refused.retry"));
            retry.setRouterIgnore(true);
            retry.setId("oidc-refused-retry");
            actions.add(retry);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.oidc.refused.title");
    }
}
