package cn.yn.employment.review.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.review.InboxCounts;
import cn.yn.employment.review.ReviewService;
import cn.yn.employment.ui.HomePanel;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

/** Home page section for reviewers: counts of 待办 / 已办 / 被退回 and a link to the inbox. */
@org.springframework.stereotype.Component
class ReviewHomePanel implements HomePanel {

    private final ReviewService review;

    ReviewHomePanel(ReviewService review) {
        this.review = review;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean appliesTo(CurrentUser user) {
        return user.hasAny(Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER) && !user.candidateGroups().isEmpty();
    }

    @Override
    public com.vaadin.flow.component.Component create(CurrentUser user) {
        InboxCounts counts = review.counts();
        VerticalLayout panel = new VerticalLayout();
        panel.setId("review-home-panel");
        panel.addClassName("ems-card");
        panel.setPadding(false);
        H3 title = new H3(panel.getTranslation("review.home.title"));
        HorizontalLayout figures = new HorizontalLayout(
                figure(panel, "review.home.todo", counts.todo(), "review-home-todo"),
                figure(panel, "review.home.returned", counts.returned(), "review-home-returned"),
                figure(panel, "review.home.done", counts.done(), "review-home-done"));
        RouterLink link = new RouterLink(panel.getTranslation("review.home.open"), InboxView.class);
        panel.add(title, figures, link);
        return panel;
    }

    private static Div figure(com.vaadin.flow.component.Component ctx, String labelKey, long value, String id) {
        Span number = new Span(Long.toString(value));
        number.setId(id);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span label = new Span(ctx.getTranslation(labelKey));
        label.addClassName("ems-muted");
        Div d = new Div(number, new Div(label));
        d.getStyle().set("min-width", "6em");
        return d;
    }
}
