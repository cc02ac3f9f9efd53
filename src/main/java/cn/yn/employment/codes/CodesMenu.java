package cn.yn.employment.codes;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CodesMenu {

    @Bean
    MenuEntry codesMenuEntry() {
        return new MenuEntry("admin/codes", "codes.menu", VaadinIcon.TABLE, 930, Set.of(Role.SYSTEM_ADMIN));
    }
}
