package cn.yn.employment.period.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarMenu {

    @Bean
    MenuEntry periodsMenu() {
        return new MenuEntry("periods", "calendar.menu.periods", VaadinIcon.CALENDAR, 400, Set.of(Role.PROVINCE_REVIEWER));
    }

    @Bean
    MenuEntry progressMenu() {
        return new MenuEntry("progress", "calendar.menu.progress", VaadinIcon.PROGRESSBAR, 410,
                Set.of(Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER, Role.LEADER));
    }

    @Bean
    MenuEntry lateFilingMenu() {
        return new MenuEntry("late-filing", "calendar.menu.lateFiling", VaadinIcon.TIME_FORWARD, 420, Set.of(Role.PROVINCE_REVIEWER));
    }

    @Bean
    MenuEntry jobsMenu() {
        return new MenuEntry("admin/jobs", "calendar.menu.jobs", VaadinIcon.TIMER, 950, Set.of(Role.SYSTEM_ADMIN, Role.PROVINCE_REVIEWER));
    }
}
