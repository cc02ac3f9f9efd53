package cn.yn.employment.enterprise.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.enterprise.EnterpriseService;
import cn.yn.employment.enterprise.EnterpriseView;
import cn.yn.employment.ui.HomePanel;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Navigation entries and the enterprise's home-page filing panel. */
@Configuration
class EnterpriseUiConfig {

    @Bean
    MenuEntry filingMenu() {
        return new MenuEntry("enterprise/filing", "enterprise.menu.filing", VaadinIcon.BUILDING, 110, Set.of(Role.ENTERPRISE));
    }

    @Bean
    MenuEntry enterprisesMenu() {
        return new MenuEntry("enterprises", "enterprise.menu.enterprises", VaadinIcon.BUILDING, 310,
                Set.of(Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER));
    }

    @Bean
    HomePanel filingHomePanel(EnterpriseService enterprises) {
        return new HomePanel() {
            @Override
            public int order() {
                return 5;
            }

            @Override
            public boolean appliesTo(CurrentUser user) {
                return user.has(Role.ENTERPRISE) && user.scope().enterpriseId() != null;
            }

            @Override
            public Component create(CurrentUser user) {
                EnterpriseView e = enterprises.mine();
                Div box = new Div();
                box.setId("home-filing");
                box.addClassName("ems-home-panel");
                box.add(new H3(box.getTranslation("enterprise.home.title")));
                Span state = new Span(box.getTranslation("enterprise.filingState." + e.filingState().name()));
                state.getElement().getThemeList().add(e.filed() ? "badge success" : "badge");
                box.add(new Div(new Span(e.name() + " · "), state));
                if (!e.filed()) {
                    box.add(new Div(new Span(box.getTranslation("enterprise.home.mustFile") + " "),
                            new RouterLink(box.getTranslation("enterprise.home.goFiling"), FilingView.class)));
                }
                return box;
            }
        };
    }
}
