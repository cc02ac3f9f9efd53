package cn.yn.employment.forwarding.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ForwardingMenu {

    /** After the survey periods (400–420) and the statistics (500–510): forwarding follows a closed period. */
    @Bean
    MenuEntry forwardingMenuEntry() {
        return new MenuEntry(ForwardingView.ROUTE, "forwarding.menu", VaadinIcon.PAPERPLANE, 520, Set.of(Role.PROVINCE_REVIEWER));
    }
}
