package cn.yn.employment.report.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.report.ReportHome;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportState;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.ui.HomePanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Clock;

/** Enterprise home: the current period, its window with a countdown, the report's state, any return reason, a link to fill. */
@org.springframework.stereotype.Component
class EnterpriseReportPanel implements HomePanel {

    private final ReportService reports;
    private final Clock clock;

    EnterpriseReportPanel(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean appliesTo(CurrentUser user) {
        return user.has(Role.ENTERPRISE) && user.scope().type() == ScopeType.ENTERPRISE;
    }

    @Override
    public Component create(CurrentUser user) {
        Div card = new Div();
        card.setId("report-home-panel");
        card.addClassName("ems-card");
        H3 title = new H3(card.getTranslation("report.home.title"));
        card.add(title);
        ReportHome h = reports.home(user.scope().enterpriseId());
        if (!h.filed()) {
            card.add(new Paragraph(card.getTranslation("report.home.notFiled")));
            return card;
        }
        if (h.period().isEmpty()) {
            card.add(new Paragraph(card.getTranslation("report.home.noPeriod")));
            return card;
        }
        String code = h.period().get().code();
        card.add(new Paragraph(card.getTranslation("report.home.period", code)));
        card.add(new Paragraph(card.getTranslation("report.home.window", ReportFormat.time(h.window().start()),
                ReportFormat.time(h.window().end()))));
        String left = ReportFormat.countdown(card, clock.instant(), h.window().end());
        Span countdown = new Span(left == null ? card.getTranslation("report.home.closed") : left);
        countdown.setId("report-home-countdown");
        countdown.addClassName(left == null ? "report-closed" : "report-countdown");
        card.add(new Div(countdown));
        ReportState state = h.report().map(ReportView::state).orElse(null);
        Div stateLine = new Div(new Span(card.getTranslation("report.home.state") + " "),
                state == null ? new Span(card.getTranslation("report.home.notStarted")) : ReportFormat.stateBadge(card, state));
        stateLine.setId("report-home-state");
        card.add(stateLine);
        h.report().filter(r -> r.state() == ReportState.RETURNED && r.returnReason() != null).ifPresent(r -> {
            Paragraph reason = new Paragraph(card.getTranslation("report.home.returned", r.returnReason()));
            reason.setId("report-home-return-reason");
            reason.addClassName("report-return-reason");
            card.add(reason);
        });
        Button fill = new Button(card.getTranslation(state == null || state.editable() ? "report.home.fill" : "report.home.view"),
                VaadinIcon.EDIT.create(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("report/" + code)));
        fill.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fill.setId("report-home-fill");
        card.add(fill);
        return card;
    }
}
