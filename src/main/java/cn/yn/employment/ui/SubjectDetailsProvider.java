package cn.yn.employment.ui;

import cn.yn.employment.common.security.CurrentUser;
import com.vaadin.flow.component.Component;

/**
 * Renders the thing a review task is about (a filing, a monthly report) for the reviewer's detail pane. The
 * owning module implements it as a bean; the review inbox picks the one whose {@link #kind()} matches the
 * work item's kind ({@code FILING}, {@code REPORT}). Implementations check the user's scope themselves.
 */
public interface SubjectDetailsProvider {

    String kind();

    Component details(long subjectId, CurrentUser user);
}
