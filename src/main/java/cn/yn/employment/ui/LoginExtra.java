package cn.yn.employment.ui;

import com.vaadin.flow.component.Component;

/** Something shown under the login form, such as the enterprise self-registration link. */
public interface LoginExtra {

    Component create();
}
