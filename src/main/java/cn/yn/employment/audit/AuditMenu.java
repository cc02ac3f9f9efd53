package cn.yn.employment.audit;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.MenuEntry;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AuditMenu {

    @Bean
    MenuEntry auditMenuEntry() {
        return new MenuEntry("admin/audit", "audit.menu", VaadinIcon.RECORDS, 910, Set.of(Role.SYSTEM_ADMIN));
    }
}
