package cn.yn.employment.notice.ui;

import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.notice.Notification;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.ui.HeaderWidget;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import java.time.format.DateTimeFormatter;

/** The bell in the header: unread count, and a dropdown with the latest notifications. Every signed-in user has one. */
@org.springframework.stereotype.Component
public class NotificationBell implements HeaderWidget {

    static final DateTimeFormatter TIME = BusinessTime.MINUTES;

    private final NotificationService notifications;

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public boolean appliesTo(CurrentUser user) {
        return true;
    }

    @Override
    public Component create(CurrentUser user) {
        return new Bell(notifications);
    }

    /** The bell component; refreshes its count whenever it is attached or opened. */
    public static class Bell extends Div {

        private final transient NotificationService notifications;
        private final Button button = new Button(VaadinIcon.BELL.create());
        private final Span badge = new Span();
        private final VerticalLayout list = new VerticalLayout();

        Bell(NotificationService notifications) {
            this.notifications = notifications;
            setId("notification-bell");
            addClassName("ems-bell");
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            button.setAriaLabel(getTranslation("notice.bell.label"));
            badge.getElement().getThemeList().addAll(java.util.List.of("badge", "error", "primary", "pill", "small"));
            badge.setId("notification-count");
            Div wrap = new Div(button, badge);
            wrap.getStyle().set("position", "relative").set("display", "inline-flex").set("align-items", "center");
            badge.getStyle().set("position", "absolute").set("top", "0").set("right", "-4px");
            add(wrap);

            Popover popover = new Popover();
            popover.setTarget(button);
            popover.setPosition(PopoverPosition.BOTTOM_END);
            popover.setWidth("380px");
            popover.addOpenedChangeListener(e -> {
                if (e.isOpened()) {
                    fill();
                }
            });
            list.setPadding(false);
            list.setSpacing(false);
            list.setId("notification-list");
            Button all = new Button(getTranslation("notice.bell.all"), e -> {
                popover.close();
                UI.getCurrent().navigate(NotificationsView.class);
            });
            all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button readAll = new Button(getTranslation("notice.bell.markAllRead"), e -> {
                notifications.markAllRead();
                refresh();
                fill();
            });
            readAll.setId("notification-read-all");
            readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            popover.add(list, new HorizontalLayout(all, readAll));
            add(popover);
            addAttachListener(e -> refresh());
        }

        public void refresh() {
            int n = notifications.unreadCount();
            badge.setText(n > 99 ? "99+" : Integer.toString(n));
            badge.setVisible(n > 0);
        }

        public int shownCount() {
            return badge.isVisible() ? Integer.parseInt(badge.getText().replace("+", "")) : 0;
        }

        void fill() {
            list.removeAll();
            var latest = notifications.mine(0, 8);
            if (latest.isEmpty()) {
                list.add(new Span(getTranslation("notice.bell.empty")));
            }
            for (Notification n : latest) {
                Div item = new Div();
                item.addClassName("ems-notification");
                Span title = new Span(n.title());
                title.getStyle().set("font-weight", n.unread() ? "600" : "400");
                Span when = new Span(TIME.format(n.createdAt()));
                when.addClassName("ems-muted");
                when.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("display", "block");
                item.add(title, when);
                item.getStyle().set("cursor", "pointer").set("padding", "var(--lumo-space-xs) 0")
                        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("width", "100%");
                item.addClickListener(e -> open(n));
                list.add(item);
            }
        }

        private void open(Notification n) {
            notifications.markRead(n.id());
            refresh();
            if (n.link() != null && !n.link().isBlank()) {
                UI.getCurrent().navigate(n.link());
            } else {
                UI.getCurrent().navigate(NotificationsView.class);
            }
        }
    }
}
