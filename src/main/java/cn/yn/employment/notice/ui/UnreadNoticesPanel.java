package cn.yn.employment.notice.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.notice.Notice;
import cn.yn.employment.notice.NoticeService;
import cn.yn.employment.ui.HomePanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.List;

/** Home page: the user's unread notices. */
@org.springframework.stereotype.Component
class UnreadNoticesPanel implements HomePanel {

    private final NoticeService notices;

    UnreadNoticesPanel(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean appliesTo(CurrentUser user) {
        return true;
    }

    @Override
    public Component create(CurrentUser user) {
        List<Notice> unread = notices.mine(true);
        Div panel = new Div();
        panel.setId("unread-notices");
        panel.addClassName("ems-panel");
        panel.add(new H3(panel.getTranslation("notice.panel.title", unread.size())));
        if (unread.isEmpty()) {
            panel.add(new Span(panel.getTranslation("notice.panel.none")));
        }
        for (Notice n : unread.stream().limit(5).toList()) {
            RouterLink link = new RouterLink(n.title(), NoticeReadView.class, n.id());
            Div row = new Div(link, new Span(" · " + NotificationBell.TIME.format(n.publishedAt())));
            panel.add(row);
        }
        return panel;
    }
}
