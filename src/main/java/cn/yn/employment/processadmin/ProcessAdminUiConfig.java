package cn.yn.employment.processadmin;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.ProcessAdminModels.AdminCounts;
import cn.yn.employment.ui.HomePanel;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Navigation entries and the admin home panel of the process-admin module. */
@Configuration
class ProcessAdminUiConfig {

    @Bean
    MenuEntry processDefinitionsMenu() {
        return new MenuEntry("process/definitions", "processadmin.menu.definitions", VaadinIcon.SITEMAP, 700,
                Set.of(Role.PROCESS_ADMIN));
    }

    @Bean
    MenuEntry processInstancesMenu() {
        return new MenuEntry(ProcessInstanceList.ROUTE, "processadmin.menu.instances", VaadinIcon.LIST_OL, 705,
                Set.of(Role.PROCESS_ADMIN));
    }

    @Bean
    MenuEntry failedJobsMenu() {
        return new MenuEntry("process/jobs", "processadmin.menu.jobs", VaadinIcon.WARNING, 710, Set.of(Role.PROCESS_ADMIN));
    }

    @Bean
    HomePanel processAdminHomePanel(ProcessAdminService service) {
        return new HomePanel() {
            @Override
            public int order() {
                return 700;
            }

            @Override
            public boolean appliesTo(CurrentUser user) {
                return user.has(Role.PROCESS_ADMIN);
            }

            @Override
            public Component create(CurrentUser user) {
                AdminCounts c = service.counts();
                Div panel = new Div();
                panel.setId("processadmin-home");
                panel.addClassName("ems-panel");
                panel.add(new H3(panel.getTranslation("processadmin.home.title")));
                panel.add(line(panel, "processadmin-home-keys", "processadmin.home.keys", c.processKeys()));
                panel.add(line(panel, "processadmin-home-definitions", "processadmin.home.definitions",
                        c.definitions(), c.suspendedDefinitions()));
                panel.add(line(panel, "processadmin-home-running", "processadmin.home.running", c.runningInstances()));
                Div jobs = line(panel, "processadmin-home-deadletter", "processadmin.home.deadLetter", c.deadLetterJobs());
                if (c.deadLetterJobs() > 0) {
                    jobs.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "bold");
                }
                panel.add(jobs, line(panel, "processadmin-home-failing", "processadmin.home.failing", c.failingJobs()));
                Anchor link = new Anchor("process/jobs", panel.getTranslation("processadmin.menu.jobs"));
                link.getElement().setAttribute("router-link", true);
                panel.add(new Div(link));
                return panel;
            }
        };
    }

    private static Div line(Component ctx, String id, String key, Object... args) {
        Div d = new Div(new Span(ctx.getTranslation(key, args)));
        d.setId(id);
        return d;
    }
}
