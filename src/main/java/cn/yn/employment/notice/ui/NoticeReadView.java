package cn.yn.employment.notice.ui;

import cn.yn.employment.notice.Notice;
import cn.yn.employment.notice.NoticeService;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

/** One notice, rendered from its Markdown; opening it records the read receipt. */
@Route(value = "notice", layout = MainLayout.class)
@PermitAll
public class NoticeReadView extends VerticalLayout implements HasViewTitle, HasUrlParameter<Long> {

    private final transient NoticeService notices;
    private String title = "";

    public NoticeReadView(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        try {
            Notice n = notices.read(id);
            title = n.title();
            H2 h = new H2(n.title());
            h.setId("notice-title");
            Paragraph meta = new Paragraph(n.publishedAt() == null ? getTranslation("notice.state.DRAFT")
                    : getTranslation("notice.publishedAt", NotificationBell.TIME.format(n.publishedAt())));
            meta.addClassName("ems-muted");
            Html body = new Html(n.html());
            add(h, meta, body);
        } catch (AccessDeniedException e) {
            // not a recipient, another scope's notice or no such notice: the same not-found view for all
            event.rerouteToError(NotFoundException.class);
        }
    }

    @Override
    public String viewTitle() {
        return title.isEmpty() ? getTranslation("notice.list.title") : title;
    }
}
