package cn.yn.employment.accounts;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AccountsMenu {

    @Bean
    MenuEntry usersMenu() {
        return new MenuEntry("admin/users", "accounts.menu.users", VaadinIcon.USERS, 900, Set.of(Role.SYSTEM_ADMIN));
    }
}
