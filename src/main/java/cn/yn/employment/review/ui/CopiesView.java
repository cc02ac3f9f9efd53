package cn.yn.employment.review.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

/**
 * 抄送我的 on its own page: where leaders (who have no inbox) read what reviewers copied to them, and where the
 * notification of a copy links to. Reviewers have the same list as a tab of the inbox.
 */
@Route(value = CopiesView.ROUTE, layout = MainLayout.class)
@RolesAllowed({Role.LEADER_, Role.CITY_REVIEWER_, Role.PROVINCE_REVIEWER_})
public class CopiesView extends VerticalLayout implements HasViewTitle {

    public static final String ROUTE = "review/copies";
    final CopiesPanel copies;

    public CopiesView(ItemActions actions, ObjectProvider<SubjectDetailsProvider> providers) {
        setId("review-copies-view");
        setSizeFull();
        copies = new CopiesPanel(actions, providers.orderedStream().toList(), () -> { });
        add(copies);
    }

    @Override
    public String viewTitle() {
        return getTranslation("review.copies.title");
    }
}
