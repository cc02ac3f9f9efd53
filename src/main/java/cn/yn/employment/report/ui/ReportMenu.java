package cn.yn.employment.report.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReportMenu {

    @Bean
    MenuEntry reportFillMenu() {
        return new MenuEntry("report", "report.menu.fill", VaadinIcon.EDIT, 20, Set.of(Role.ENTERPRISE));
    }

    @Bean
    MenuEntry reportHistoryMenu() {
        return new MenuEntry("report/history", "report.menu.history", VaadinIcon.TIME_BACKWARD, 21, Set.of(Role.ENTERPRISE));
    }
}
