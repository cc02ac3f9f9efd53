package cn.yn.employment.notice.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.notice.OutboxAdminService;
import cn.yn.employment.notice.OutboxMessage;
import cn.yn.employment.notice.OutboxState;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;

/** The outbox of e-mails and text messages: what waits, fails or gave up, and resend. System administrator only. */
@Route(value = "admin/outbox", layout = MainLayout.class)
@RolesAllowed(Role.SYSTEM_ADMIN_)
public class OutboxView extends VerticalLayout implements HasViewTitle {

    /** What the list shows: the failing ones (waiting to retry) first, then each state. */
    enum Filter {
        FAILING(OutboxState.PENDING, true), PENDING(OutboxState.PENDING, false), SENDING(OutboxState.SENDING, false),
        DEAD(OutboxState.DEAD, false), SENT(OutboxState.SENT, false);

        final OutboxState state;
        final boolean failingOnly;

        Filter(OutboxState state, boolean failingOnly) {
            this.state = state;
            this.failingOnly = failingOnly;
        }
    }

    private static final int SHOWN = 500;

    private final transient OutboxAdminService outbox;
    final Span summary = new Span();
    final Select<Filter> filter = new Select<>();
    final Grid<OutboxMessage> grid = new Grid<>();
    final Button resendAllDead;

    public OutboxView(OutboxAdminService outbox) {
        this.outbox = outbox;
        setSizeFull();
        summary.setId("outbox-summary");
        filter.setId("outbox-filter");
        filter.setLabel(getTranslation("notice.outbox.filter"));
        filter.setItems(Filter.values());
        filter.setItemLabelGenerator(f -> getTranslation("notice.outbox.filter." + f.name()));
        filter.setValue(Filter.FAILING);
        filter.addValueChangeListener(e -> refresh());
        resendAllDead = new Button(getTranslation("notice.outbox.resendAllDead"), e -> resendAllDead());
        resendAllDead.setId("outbox-resend-all-dead");
        Button reload = new Button(getTranslation("notice.outbox.refresh"), e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(filter, reload, resendAllDead, summary);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("outbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(m -> time(m.createdAt())).setHeader(getTranslation("notice.outbox.col.created")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("notice.outbox.channel." + m.channel().name())).setHeader(getTranslation("notice.outbox.col.channel")).setAutoWidth(true);
        grid.addColumn(OutboxMessage::recipient).setHeader(getTranslation("notice.outbox.col.recipient")).setAutoWidth(true);
        grid.addColumn(m -> kindLabel(m.kind())).setHeader(getTranslation("notice.col.kind")).setAutoWidth(true);
        grid.addColumn(m -> m.subject() == null ? "" : m.subject()).setHeader(getTranslation("notice.col.title")).setFlexGrow(2);
        grid.addColumn(m -> getTranslation("notice.outbox.state." + m.state().name())).setHeader(getTranslation("notice.col.state")).setAutoWidth(true);
        grid.addColumn(OutboxMessage::attempts).setHeader(getTranslation("notice.outbox.col.attempts")).setAutoWidth(true);
        grid.addColumn(m -> m.state() == OutboxState.SENT ? time(m.sentAt()) : time(m.nextAttemptAt()))
                .setHeader(getTranslation("notice.outbox.col.next")).setAutoWidth(true);
        grid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader(getTranslation("notice.outbox.col.error")).setFlexGrow(3);
        grid.addComponentColumn(m -> {
            Button b = new Button(getTranslation("notice.outbox.resend"), e -> resend(m));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            b.setId("outbox-resend-" + m.id());
            b.setEnabled(m.state() == OutboxState.PENDING || m.state() == OutboxState.DEAD);
            return b;
        }).setAutoWidth(true);
        grid.setPartNameGenerator(m -> m.state() == OutboxState.DEAD ? "ems-overdue" : null);
        add(bar, grid);
        refresh();
    }

    void resend(OutboxMessage m) {
        try {
            outbox.resend(m.id());
            Feedback.success(getTranslation("notice.outbox.resent", m.recipient()));
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
        refresh();
    }

    void resendAllDead() {
        try {
            int n = outbox.resendAllDead();
            Feedback.success(getTranslation("notice.outbox.resentAll", n));
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
        refresh();
    }

    void refresh() {
        OutboxAdminService.Summary s = outbox.summary();
        summary.setText(getTranslation("notice.outbox.summary", s.count(OutboxState.PENDING), s.failing(),
                s.count(OutboxState.SENDING), s.count(OutboxState.DEAD), s.count(OutboxState.SENT)));
        resendAllDead.setEnabled(s.count(OutboxState.DEAD) > 0);
        Filter f = filter.getValue() == null ? Filter.FAILING : filter.getValue();
        grid.setItems(outbox.messages(f.state, f.failingOnly, 0, SHOWN));
    }

    private static String time(Instant t) {
        return t == null ? "" : NotificationBell.TIME.format(t);
    }

    private String kindLabel(String kind) {
        String t = getTranslation("notice.kind." + kind);
        return t.startsWith("!") ? kind : t;
    }

    @Override
    public String viewTitle() {
        return getTranslation("notice.outbox.title");
    }
}
