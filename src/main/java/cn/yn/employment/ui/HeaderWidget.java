package cn.yn.employment.ui;

import cn.yn.employment.common.security.CurrentUser;
import com.vaadin.flow.component.Component;

/** Something a module puts in the header, such as the notification bell. */
public interface HeaderWidget {

    boolean appliesTo(CurrentUser user);

    Component create(CurrentUser user);
}
