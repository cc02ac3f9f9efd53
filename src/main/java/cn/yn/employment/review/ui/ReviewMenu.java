package cn.yn.employment.review.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReviewMenu {

    @Bean
    MenuEntry reviewInboxMenu() {
        return new MenuEntry(InboxView.ROUTE, "review.menu.inbox", VaadinIcon.INBOX, 200,
                Set.of(Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER));
    }
}
