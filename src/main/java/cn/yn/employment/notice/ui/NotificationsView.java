package cn.yn.employment.notice.ui;

import cn.yn.employment.notice.Notification;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** All of the signed-in user's notifications, newest first; opening one marks it read and follows its link. */
@Route(value = "notifications", layout = MainLayout.class)
@PermitAll
public class NotificationsView extends VerticalLayout implements HasViewTitle {

    final Grid<Notification> grid = new Grid<>();

    public NotificationsView(NotificationService notifications) {
        setSizeFull();
        grid.setId("notifications-grid");
        // the return reason is the message: show it whole, not cut off
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(n -> NotificationBell.TIME.format(n.createdAt())).setHeader(getTranslation("notice.col.time")).setAutoWidth(true);
        grid.addColumn(n -> kindLabel(n.kind())).setHeader(getTranslation("notice.col.kind")).setAutoWidth(true);
        grid.addColumn(Notification::title).setHeader(getTranslation("notice.col.title")).setFlexGrow(2);
        grid.addColumn(Notification::body).setHeader(getTranslation("notice.col.body")).setFlexGrow(3);
        grid.addColumn(n -> n.unread() ? getTranslation("notice.unread") : getTranslation("notice.read"))
                .setHeader(getTranslation("notice.col.state")).setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(q -> notifications.mine(q.getOffset(), q.getLimit()).stream(),
                q -> notifications.countMine()));
        grid.addItemClickListener(e -> {
            notifications.markRead(e.getItem().id());
            if (e.getItem().link() != null && !e.getItem().link().isBlank()) {
                UI.getCurrent().navigate(e.getItem().link());
            } else {
                grid.getDataProvider().refreshAll();
            }
        });
        Button readAll = new Button(getTranslation("notice.bell.markAllRead"), e -> {
            notifications.markAllRead();
            grid.getDataProvider().refreshAll();
        });
        add(readAll, grid);
    }

    private String kindLabel(String kind) {
        String t = getTranslation("notice.kind." + kind);
        return t.startsWith("!") ? kind : t;
    }

    @Override
    public String viewTitle() {
        return getTranslation("notice.notifications.title");
    }
}
