package cn.yn.employment.statistics.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StatisticsMenu {

    @Bean
    MenuEntry statisticsDashboardMenu() {
        return new MenuEntry("dashboard", "statistics.menu.dashboard", VaadinIcon.CHART, 500,
                Set.of(Role.LEADER, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER));
    }

    @Bean
    MenuEntry statisticsArchiveMenu() {
        return new MenuEntry("statistics/archive", "statistics.menu.archive", VaadinIcon.ARCHIVE, 510,
                Set.of(Role.LEADER, Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER));
    }
}
