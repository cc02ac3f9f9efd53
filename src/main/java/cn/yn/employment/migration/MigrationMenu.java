package cn.yn.employment.migration;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MigrationMenu {

    @Bean
    MenuEntry migrationImportMenu() {
        return new MenuEntry("admin/migration", "migration.menu.import", VaadinIcon.UPLOAD, 960, Set.of(Role.SYSTEM_ADMIN));
    }

    @Bean
    MenuEntry migrationMappingMenu() {
        return new MenuEntry("admin/migration/mapping", "migration.menu.mapping", VaadinIcon.EXCHANGE, 961, Set.of(Role.SYSTEM_ADMIN));
    }
}
