package cn.yn.employment.ui;

import cn.yn.employment.common.security.CurrentUser;
import com.vaadin.flow.component.Component;

/**
 * A section of the home page a module contributes (the enterprise's current period, a reviewer's inbox
 * counts, unread notices). The home view shows the panels that apply to the user, ordered.
 */
public interface HomePanel {

    int order();

    boolean appliesTo(CurrentUser user);

    Component create(CurrentUser user);
}
