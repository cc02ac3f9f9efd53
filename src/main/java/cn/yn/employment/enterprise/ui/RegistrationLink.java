package cn.yn.employment.enterprise.ui;

import cn.yn.employment.ui.LoginExtra;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/** "New enterprise? Register" under the login form. */
@org.springframework.stereotype.Component
class RegistrationLink implements LoginExtra {

    @Override
    public com.vaadin.flow.component.Component create() {
        Div box = new Div();
        box.addClassName("ems-login-register");
        Span text = new Span(box.getTranslation("enterprise.register.loginHint") + " ");
        RouterLink link = new RouterLink(box.getTranslation("enterprise.register.link"), RegisterView.class);
        link.setId("register-link");
        box.add(text, link);
        return box;
    }
}
