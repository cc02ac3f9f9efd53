package cn.yn.employment.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;

/**
 * A navigation item a module contributes as a bean. The shell shows the entries whose roles the user holds,
 * ordered by {@code order}; the label is an i18n key.
 */
public record MenuEntry(String path, String labelKey, VaadinIcon icon, int order, Set<Role> roles) {

    public MenuEntry {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(CurrentUser user) {
        return roles.stream().anyMatch(user::has);
    }
}
