package cn.yn.employment.enterprise.ui;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.enterprise.EnterpriseService;
import cn.yn.employment.ui.Feedback;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Enterprise self-registration (public): the enterprise and its account. Afterwards the enterprise signs in and
 * completes its filing.
 */
@Route("register")
@AnonymousAllowed
public class RegisterView extends VerticalLayout implements HasDynamicTitle {

    final RegistrationFields fields;
    final Button register = new Button();
    final Div done = new Div();

    public RegisterView(EnterpriseService enterprises, CodeService codes) {
        this.fields = new RegistrationFields(codes, codes.cities());
        addClassName("ems-register");
        getElement().setAttribute("role", "main"); // the page's main landmark (no MainLayout here)
        setAlignItems(Alignment.CENTER);
        H1 title = new H1(getTranslation("enterprise.register.title")); // the page's one level-one heading (axe: page-has-heading-one)
        Paragraph intro = new Paragraph(getTranslation("enterprise.register.intro"));
        register.setText(getTranslation("enterprise.register.submit"));
        register.setId("register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        RouterLink back = new RouterLink(getTranslation("enterprise.register.backToLogin"), cn.yn.employment.ui.LoginView.class);
        done.setId("register-done");
        done.setVisible(false);
        register.addClickListener(e -> {
            try {
                enterprises.register(fields.value());
                fields.setVisible(false);
                register.setVisible(false);
                done.setText(getTranslation("enterprise.register.done", fields.username.getValue()));
                done.setVisible(true);
                Feedback.success(getTranslation("enterprise.register.done", fields.username.getValue()));
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, fields.fields());
            }
        });
        VerticalLayout card = new VerticalLayout(title, intro, fields, done, new HorizontalLayout(register, back));
        card.setMaxWidth("760px");
        card.addClassName("ems-register-card");
        add(card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("enterprise.register.title");
    }
}
