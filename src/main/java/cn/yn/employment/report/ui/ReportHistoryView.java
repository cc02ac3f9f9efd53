package cn.yn.employment.report.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.report.ReportEvent;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.statistics.Receipts;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import cn.yn.employment.processadmin.ProcessInstanceDiagrams;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Every period's report of the enterprise: state, figures and review notes; a row opens the report; an accepted
 * report's receipt (回执) downloads as PDF.
 */
@Route(value = "report/history", layout = MainLayout.class)
@RolesAllowed(Role.ENTERPRISE_)
public class ReportHistoryView extends VerticalLayout implements HasViewTitle {

    final Grid<ReportView> grid = new Grid<>();

    public ReportHistoryView(ReportService reports, Receipts receipts, CurrentUserProvider users) {
        CurrentUser user = users.require();
        setSizeFull();
        grid.setId("report-history");
        grid.addColumn(ReportView::periodCode).setHeader(getTranslation("report.history.period")).setAutoWidth(true);
        grid.addComponentColumn(r -> ReportFormat.stateBadge(this, r.state())).setHeader(getTranslation("report.history.state")).setAutoWidth(true);
        grid.addColumn(r -> ReportFormat.num(r.headcount())).setHeader(getTranslation("report.field.headcount"));
        grid.addColumn(r -> Integer.toString(r.baselineHeadcount())).setHeader(getTranslation("report.field.baseline"));
        grid.addColumn(r -> ReportFormat.num(r.previousHeadcount())).setHeader(getTranslation("report.field.previous"));
        grid.addColumn(r -> ReportFormat.time(r.submittedAt())).setHeader(getTranslation("report.history.submittedAt")).setAutoWidth(true);
        grid.addColumn(r -> r.returnReason() == null ? "" : r.returnReason()).setHeader(getTranslation("report.history.returnReason")).setFlexGrow(2);
        grid.addComponentColumn(r -> {
            Button open = new Button(getTranslation("report.history.open"), e -> e.getSource().getUI()
                    .ifPresent(ui -> ui.navigate("report/" + r.periodCode())));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return open;
        });
        grid.addComponentColumn(r -> r.state().acceptedByProvince() ? receiptLink(receipts, r) : new Span())
                .setHeader(getTranslation("report.history.receipt")).setKey("receipt").setAutoWidth(true);
        // the review process of the report: where it is now and the path it took (processadmin's instance diagram)
        grid.addComponentColumn(r -> {
            if (r.processInstanceId() == null) {
                return new Span();
            }
            Anchor diagram = new Anchor(ProcessInstanceDiagrams.path(r.processInstanceId()), getTranslation("report.history.diagram"));
            diagram.setId("report-diagram-" + r.periodCode());
            return diagram;
        }).setHeader(getTranslation("report.history.process")).setKey("diagram").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(r -> {
            Div notes = new Div();
            List<ReportEvent> events = reports.events(r.id());
            for (ReportEvent e : events) {
                notes.add(new Paragraph(ReportFormat.time(e.at()) + " · " + getTranslation("report.event." + e.action())
                        + (e.comment() == null ? "" : "：" + e.comment())));
            }
            if (events.isEmpty()) {
                notes.add(new Paragraph(getTranslation("report.history.noNotes")));
            }
            return notes;
        }));
        grid.setItems(reports.history(user.scope().enterpriseId()));
        add(grid);
    }

    /** The receipt (回执) of an accepted report, rendered when downloaded. */
    private Anchor receiptLink(Receipts receipts, ReportView r) {
        String name = Receipts.receiptNumber(r.periodCode(), r.id()) + ".pdf";
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = receipts.receiptPdf(r.id());
            return new DownloadResponse(new ByteArrayInputStream(pdf), name, "application/pdf", pdf.length);
        }), getTranslation("report.history.receiptDownload"));
        a.getElement().setAttribute("download", name);
        return a;
    }

    @Override
    public String viewTitle() {
        return getTranslation("report.history.title");
    }
}
