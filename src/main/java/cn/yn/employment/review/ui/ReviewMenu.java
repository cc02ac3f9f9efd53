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

    /** 抄送我的 as a page: leaders have no inbox; reviewers have it as an inbox tab too. */
    @Bean
    MenuEntry reviewCopiesMenu() {
        return new MenuEntry(CopiesView.ROUTE, "review.copies.menu", VaadinIcon.COPY_O, 210,
                Set.of(Role.LEADER, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER));
    }
}
