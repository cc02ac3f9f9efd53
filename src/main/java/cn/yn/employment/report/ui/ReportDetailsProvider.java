package cn.yn.employment.report.ui;

import static cn.yn.employment.common.Texts.nz;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.PersonDirectory;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.report.ReportEvent;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportState;
import cn.yn.employment.report.ReportVersionView;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * The reviewer's detail pane for a REPORT work item: figures beside the baseline and previous periods, reduction
 * type and reasons, warnings with the enterprise's explanation, earlier periods, every version and the timeline.
 * Scope is checked by {@link ReportService} (a city reviewer sees only its city's reports). On an accepted report the
 * province reviewer finds 更正 beside the state ({@link CorrectionDialog}); the pane is drawn again after it.
 */
@org.springframework.stereotype.Component
class ReportDetailsProvider implements SubjectDetailsProvider {

    private final ReportService reports;
    private final PersonDirectory people;

    ReportDetailsProvider(ReportService reports, PersonDirectory people) {
        this.reports = reports;
        this.people = people;
    }

    @Override
    public String kind() {
        return ReportService.KIND;
    }

    @Override
    public Component details(long subjectId, CurrentUser user) {
        ReportView r = reports.get(subjectId);
        Div root = new Div();
        root.setId("report-details");
        root.addClassName("report-details");
        fill(root, r, user);
        return root;
    }

    /** The pane's content for the report as it is now (drawn again after a 更正). */
    private void fill(Div root, ReportView r, CurrentUser user) {
        root.add(new H4(r.enterpriseName() + " · " + r.uscc() + " · " + r.periodCode()));
        Div state = new Div(ReportFormat.stateBadge(root, r.state()));
        if (r.layoffWarningLevel() != null) {
            Span layoff = new Span(root.getTranslation("report.layoff." + r.layoffWarningLevel()));
            layoff.getElement().getThemeList().add("badge error");
            state.add(new Span(" "), layoff);
        }
        if (mayCorrect(r, user)) {
            state.add(new Span(" "), correctButton(root, r, user));
        }
        root.add(state);

        FormLayout figures = new FormLayout();
        figures.setId("report-details-figures");
        figures.addFormItem(new Span(Integer.toString(r.baselineHeadcount())), root.getTranslation("report.field.baseline"));
        figures.addFormItem(new Span(ReportFormat.num(r.previousHeadcount())), root.getTranslation("report.field.previous"));
        Span e = new Span(ReportFormat.num(r.headcount()));
        e.setId("report-details-headcount");
        figures.addFormItem(e, root.getTranslation("report.field.headcount"));
        if (r.headcount() != null) {
            figures.addFormItem(new Span(signed(r.headcount() - r.baselineHeadcount())), root.getTranslation("report.details.vsBaseline"));
            if (r.previousHeadcount() != null) {
                figures.addFormItem(new Span(signed(r.headcount() - r.previousHeadcount())), root.getTranslation("report.details.vsPrevious"));
            }
        }
        figures.addFormItem(new Span(ReportFormat.num(r.form().hired())), root.getTranslation("report.field.hired"));
        figures.addFormItem(new Span(ReportFormat.num(r.form().separated())), root.getTranslation("report.field.separated"));
        figures.addFormItem(new Span(ReportFormat.num(r.form().dispatched())), root.getTranslation("report.field.dispatched"));
        if (r.form().reductionType() != null) {
            figures.addFormItem(new Span(r.form().reductionType() + " " + nz(r.reductionTypeLabel())), root.getTranslation("report.field.reductionType"));
            figures.addFormItem(new Span(r.form().reason1Code() + " " + nz(r.reason1Label()) + "：" + nz(r.form().reason1Note())),
                    root.getTranslation("report.field.reason1"));
            if (r.form().reason2Code() != null) {
                figures.addFormItem(new Span(r.form().reason2Code() + " " + nz(r.reason2Label()) + "：" + nz(r.form().reason2Note())),
                        root.getTranslation("report.field.reason2"));
            }
            if (r.form().reason3Code() != null) {
                figures.addFormItem(new Span(r.form().reason3Code() + " " + nz(r.reason3Label()) + "：" + nz(r.form().reason3Note())),
                        root.getTranslation("report.field.reason3"));
            }
        }
        if (r.form().otherNote() != null) {
            figures.addFormItem(new Span(r.form().otherNote()), root.getTranslation("report.field.otherNote"));
        }
        root.add(figures);

        if (r.hasWarnings()) {
            Div warnings = new Div();
            warnings.setId("report-details-warnings");
            warnings.addClassName("report-warnings");
            warnings.add(new H4(root.getTranslation("report.details.warnings")));
            for (String code : r.warningCodes()) {
                warnings.add(new Paragraph(root.getTranslation("report.warningName." + code)));
            }
            Paragraph why = new Paragraph(root.getTranslation("report.details.explanation", nz(r.warningExplanation())));
            why.setId("report-details-explanation");
            warnings.add(why);
            root.add(warnings);
        }

        List<ReportView> earlier = reports.history(r.enterpriseId()).stream()
                .filter(h -> h.periodCode().compareTo(r.periodCode()) < 0).limit(12).toList();
        root.add(new H4(root.getTranslation("report.details.previousPeriods")));
        Grid<ReportView> prev = new Grid<>();
        prev.setId("report-details-previous");
        prev.setAllRowsVisible(true);
        prev.addColumn(ReportView::periodCode).setHeader(root.getTranslation("report.history.period"));
        prev.addColumn(h -> root.getTranslation(h.state().labelKey())).setHeader(root.getTranslation("report.history.state"));
        prev.addColumn(h -> ReportFormat.num(h.headcount())).setHeader(root.getTranslation("report.field.headcount"));
        prev.setItems(earlier);
        root.add(prev);

        root.add(new H4(root.getTranslation("report.versions.title")));
        for (ReportVersionView v : reports.versions(r.id())) {
            FormLayout body = new FormLayout();
            body.addFormItem(new Span(ReportFormat.num(v.form().headcount())), root.getTranslation("report.field.headcount"));
            body.addFormItem(new Span(ReportFormat.num(v.form().hired())), root.getTranslation("report.field.hired"));
            body.addFormItem(new Span(ReportFormat.num(v.form().separated())), root.getTranslation("report.field.separated"));
            body.addFormItem(new Span(ReportFormat.num(v.form().dispatched())), root.getTranslation("report.field.dispatched"));
            if (v.form().reductionType() != null) {
                body.addFormItem(new Span(v.form().reductionType() + " " + nz(v.reductionTypeLabel())), root.getTranslation("report.field.reductionType"));
                body.addFormItem(new Span(v.form().reason1Code() + " " + nz(v.reason1Label()) + "：" + nz(v.form().reason1Note())),
                        root.getTranslation("report.field.reason1"));
            }
            if (v.warningExplanation() != null) {
                body.addFormItem(new Span(v.warningExplanation()), root.getTranslation("report.field.explanation"));
            }
            root.add(new Details(root.getTranslation("report.versions.item", v.versionNo(), ReportFormat.time(v.submittedAt()),
                    people.label(v.submittedBy())), body));
        }
        root.add(new H4(root.getTranslation("report.timeline.title")));
        Div events = new Div();
        events.setId("report-details-timeline");
        root.add(events);
        for (ReportEvent ev : reports.events(r.id())) {
            events.add(new Paragraph(ReportFormat.time(ev.at()) + " · " + people.label(ev.actor()) + " · "
                    + root.getTranslation("report.event." + ev.action()) + (ev.comment() == null ? "" : "：" + ev.comment())));
        }
    }

    /** 更正 is offered to the province reviewer on an accepted report only (the service checks the same again). */
    static boolean mayCorrect(ReportView r, CurrentUser user) {
        return r.state() == ReportState.ACCEPTED && user.has(Role.PROVINCE_REVIEWER) && user.scope().isProvince();
    }

    private Button correctButton(Div root, ReportView r, CurrentUser user) {
        Button correct = new Button(root.getTranslation("report.correct.action"), VaadinIcon.EDIT.create());
        correct.setId("report-correct");
        correct.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        correct.getElement().setAttribute("title", root.getTranslation("report.correct.actionHint"));
        correct.addClickListener(e -> new CorrectionDialog(reports, r, reopened -> {
            root.removeAll();
            fill(root, reopened, user);
        }).open());
        return correct;
    }

    private static String signed(int v) {
        return v > 0 ? "+" + v : Integer.toString(v);
    }

}
