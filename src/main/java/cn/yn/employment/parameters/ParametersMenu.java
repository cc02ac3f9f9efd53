package cn.yn.employment.parameters;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ParametersMenu {

    @Bean
    MenuEntry parametersMenuEntry() {
        return new MenuEntry("admin/parameters", "parameters.menu", VaadinIcon.SLIDERS, 920, Set.of(Role.SYSTEM_ADMIN));
    }
}
