package cn.yn.employment.notice.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class NoticeMenu {

    @Bean
    MenuEntry noticesMenu() {
        return new MenuEntry("notices", "notice.menu.notices", VaadinIcon.NEWSPAPER, 700,
                EnumSet.of(Role.ENTERPRISE, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER, Role.LEADER));
    }

    @Bean
    MenuEntry noticesManageMenu() {
        return new MenuEntry("notices/manage", "notice.menu.manage", VaadinIcon.EDIT, 710,
                Set.of(Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER));
    }

    @Bean
    MenuEntry outboxMenu() {
        return new MenuEntry("admin/outbox", "notice.menu.outbox", VaadinIcon.ENVELOPES, 960, Set.of(Role.SYSTEM_ADMIN));
    }
}
