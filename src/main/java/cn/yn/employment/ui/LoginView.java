package cn.yn.employment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/**
 * Sign-in. Every failure shows the same message, whether the user is unknown, the password wrong or the
 * account locked: the form must not tell a guesser which.
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(List<LoginExtra> extras) {
        addClassName("ems-login");
        getElement().setAttribute("role", "main"); // the page's main landmark (no MainLayout here)
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        i18n.setAdditionalInformation(getTranslation("login.forgotHint"));
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("ems-login-title");
        Paragraph sub = new Paragraph(getTranslation("login.subtitle"));
        sub.addClassName("ems-login-sub");
        Div card = new Div(title, sub, login);
        card.addClassName("ems-login-card");
        extras.forEach(x -> card.add(x.create()));
        Span footer = new Span(getTranslation("login.footer"));
        footer.addClassName("ems-login-footer");
        add(card, footer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("expired")) {
            // the login POST came without a valid CSRF token (accounts.LoginCsrfFilter)
            i18n.getErrorMessage().setTitle(getTranslation("login.error.expiredTitle"));
            i18n.getErrorMessage().setMessage(getTranslation("login.error.expired"));
            login.setI18n(i18n);
            login.setError(true);
        } else if (parameters.containsKey("error")) {
            login.setError(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
