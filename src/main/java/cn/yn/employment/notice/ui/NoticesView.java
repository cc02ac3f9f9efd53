package cn.yn.employment.notice.ui;

import cn.yn.employment.notice.Notice;
import cn.yn.employment.notice.NoticeService;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import cn.yn.employment.common.security.Role;
import jakarta.annotation.security.RolesAllowed;

/** The notices addressed to the signed-in user; unread ones in bold. */
@Route(value = "notices", layout = MainLayout.class)
@RolesAllowed({Role.ENTERPRISE_, Role.CITY_REVIEWER_, Role.PROVINCE_REVIEWER_, Role.LEADER_})
public class NoticesView extends VerticalLayout implements HasViewTitle {

    final Grid<Notice> grid = new Grid<>();
    final Checkbox unreadOnly = new Checkbox();

    public NoticesView(NoticeService notices) {
        setSizeFull();
        unreadOnly.setLabel(getTranslation("notice.unreadOnly"));
        grid.setId("notices-grid");
        grid.addColumn(n -> n.publishedAt() == null ? "" : NotificationBell.TIME.format(n.publishedAt()))
                .setHeader(getTranslation("notice.col.published")).setAutoWidth(true);
        grid.addColumn(Notice::title).setHeader(getTranslation("notice.col.title")).setFlexGrow(3);
        grid.addColumn(n -> n.readAt() == null ? getTranslation("notice.unread") : getTranslation("notice.read"))
                .setHeader(getTranslation("notice.col.state")).setAutoWidth(true);
        grid.setPartNameGenerator(n -> n.readAt() == null ? "ems-unread" : null);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(NoticeReadView.class, e.getItem().id()));
        unreadOnly.addValueChangeListener(e -> grid.setItems(notices.mine(e.getValue())));
        grid.setItems(notices.mine(false));
        add(unreadOnly, grid);
    }

    @Override
    public String viewTitle() {
        return getTranslation("notice.list.title");
    }
}
