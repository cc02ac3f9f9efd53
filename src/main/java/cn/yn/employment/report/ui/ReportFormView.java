package cn.yn.employment.report.ui;

import static cn.yn.employment.common.Texts.nz;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.SurveyPeriod;
import cn.yn.employment.report.ReportEvent;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportVersionView;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.report.SoftWarning;
import cn.yn.employment.report.ValidationResult;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enterprise's monthly report form (docs/domain.md §5): baseline and previous figures beside the inputs, reduction
 * fields when the headcount is below the baseline, hard errors at the fields, soft warnings with a required
 * explanation, save draft / submit / withdraw, every submitted version read-only and the review timeline.
 */
@Route(value = "report/:periodCode?([0-9]{4}-[0-9]{2})", layout = MainLayout.class)
@RolesAllowed(Role.ENTERPRISE_)
public class ReportFormView extends VerticalLayout implements HasViewTitle, BeforeEnterObserver {

    private final ReportService reports;
    private final PeriodService periods;
    private final CodeService codes;
    private final CurrentUser user;
    private final transient cn.yn.employment.common.idempotency.IdempotentRequests idempotent;
    /** One idempotency key per draft version: a submit repeated for it (a second tab, a retried request) changes nothing twice. */
    private String submitKey;
    private String submitKeyFor;

    final Span title = new Span();
    final Div returnBanner = new Div();
    final Span baseline = new Span();
    final Span previous = new Span();
    final IntegerField headcount = new IntegerField();
    final IntegerField hired = new IntegerField();
    final IntegerField separated = new IntegerField();
    final IntegerField dispatched = new IntegerField();
    final ComboBox<String> reductionType = new ComboBox<>();
    final ComboBox<String> reason1Code = new ComboBox<>();
    final TextField reason1Note = new TextField();
    final ComboBox<String> reason2Code = new ComboBox<>();
    final TextField reason2Note = new TextField();
    final ComboBox<String> reason3Code = new ComboBox<>();
    final TextField reason3Note = new TextField();
    final TextArea otherNote = new TextArea();
    final FormLayout reductionSection = new FormLayout();
    final Div warnings = new Div();
    final TextArea explanation = new TextArea();
    final Button save = new Button();
    final Button check = new Button();
    final Button submit = new Button();
    final Button withdraw = new Button();
    final VerticalLayout versions = new VerticalLayout();
    final VerticalLayout timeline = new VerticalLayout();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    ReportView report;

    public ReportFormView(ReportService reports, PeriodService periods, CodeService codes, CurrentUserProvider users,
                          cn.yn.employment.common.idempotency.IdempotentRequests idempotent) {
        this.reports = reports;
        this.idempotent = idempotent;
        this.periods = periods;
        this.codes = codes;
        this.user = users.require();
        setMaxWidth("1000px");
        addClassName("report-form");
        title.addClassName("report-title");
        returnBanner.setId("report-return-banner");
        returnBanner.addClassName("report-return-reason");

        label(headcount, "headcount", "report.field.headcount");
        label(hired, "hired", "report.field.hired");
        label(separated, "separated", "report.field.separated");
        label(dispatched, "dispatched", "report.field.dispatched");
        for (IntegerField f : List.of(headcount, hired, separated, dispatched)) {
            f.setMin(0);
            f.setMax(1_000_000);
            f.setStepButtonsVisible(false);
        }
        headcount.setRequiredIndicatorVisible(true);
        headcount.addValueChangeListener(e -> updateReductionVisibility());
        baseline.setId("report-baseline");
        previous.setId("report-previous");

        List<Code> types = codes.current(CodeType.REDUCTION_TYPE);
        List<Code> reasons = codes.current(CodeType.REDUCTION_REASON);
        combo(reductionType, "reductionType", "report.field.reductionType", types);
        combo(reason1Code, "reason1Code", "report.field.reason1", reasons);
        combo(reason2Code, "reason2Code", "report.field.reason2", reasons);
        combo(reason3Code, "reason3Code", "report.field.reason3", reasons);
        label(reason1Note, "reason1Note", "report.field.reason1Note");
        label(reason2Note, "reason2Note", "report.field.reason2Note");
        label(reason3Note, "reason3Note", "report.field.reason3Note");
        label(otherNote, "otherNote", "report.field.otherNote");
        reductionType.setRequiredIndicatorVisible(true);
        reason1Code.setRequiredIndicatorVisible(true);
        reason1Note.setRequiredIndicatorVisible(true);
        for (TextField t : List.of(reason1Note, reason2Note, reason3Note)) {
            t.setMaxLength(500);
        }
        otherNote.setMaxLength(500);
        reductionSection.setId("report-reduction-section");
        reductionSection.add(reductionType, 2);
        reductionSection.add(reason1Code, reason1Note, reason2Code, reason2Note, reason3Code, reason3Note);

        warnings.setId("report-warnings");
        warnings.addClassName("report-warnings");
        label(explanation, "explanation", "report.field.explanation");
        explanation.setMaxLength(1000);
        explanation.setWidthFull();

        save.setText(getTranslation("report.action.save"));
        save.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        save.setId("report-save");
        save.addClickListener(e -> saveDraft());
        check.setText(getTranslation("report.action.check"));
        check.setId("report-check");
        check.addClickListener(e -> runCheck());
        submit.setText(getTranslation("report.action.submit"));
        submit.setIcon(VaadinIcon.PAPERPLANE.create());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("report-submit");
        submit.addClickListener(e -> doSubmit());
        withdraw.setText(getTranslation("report.action.withdraw"));
        withdraw.setIcon(VaadinIcon.ARROW_BACKWARD.create());
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        withdraw.setId("report-withdraw");
        withdraw.addClickListener(e -> doWithdraw());

        FormLayout figures = new FormLayout();
        figures.addFormItem(baseline, getTranslation("report.field.baseline"));
        figures.addFormItem(previous, getTranslation("report.field.previous"));
        figures.add(headcount, hired, separated, dispatched);
        versions.setId("report-versions");
        versions.setPadding(false);
        timeline.setId("report-timeline");
        timeline.setPadding(false);
        add(title, returnBanner, figures, reductionSection, otherNote, warnings, explanation,
                new HorizontalLayout(save, check, submit, withdraw),
                new H3(getTranslation("report.versions.title")), versions,
                new H3(getTranslation("report.timeline.title")), timeline);
        otherNote.setWidthFull();
    }

    private void label(com.vaadin.flow.component.HasLabel f, String name, String key) {
        f.setLabel(getTranslation(key));
        ((com.vaadin.flow.component.Component) f).setId("report-" + name);
        fields.put(name, (HasValidation) f);
    }

    private void combo(ComboBox<String> box, String name, String key, List<Code> items) {
        Map<String, String> names = new LinkedHashMap<>();
        items.forEach(c -> names.put(c.code(), c.name()));
        box.setItems(names.keySet());
        box.setItemLabelGenerator(c -> c + " " + names.getOrDefault(c, ""));
        box.setClearButtonVisible(true);
        label(box, name, key);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> code = event.getRouteParameters().get("periodCode")
                .or(() -> periods.current().map(SurveyPeriod::code));
        if (code.isEmpty()) {
            title.setText(getTranslation("report.home.noPeriod"));
            setEditable(false);
            return;
        }
        try {
            long enterpriseId = user.scope().enterpriseId();
            Optional<ReportView> existing = reports.find(enterpriseId, code.get());
            report = existing.isPresent() ? existing.get() : reports.draftFor(enterpriseId, code.get());
            show(report);
        } catch (DomainException e) {
            title.setText(getTranslation(e.messageKey(), e.args()));
            setEditable(false);
        }
    }

    void show(ReportView r) {
        this.report = r;
        String draft = r.id() + "/" + r.versionNo() + "/" + r.state();
        if (!draft.equals(submitKeyFor)) {
            submitKeyFor = draft;
            submitKey = "form-" + java.util.UUID.randomUUID();
        }
        title.setText(getTranslation("report.form.title", r.periodCode()));
        title.removeAll();
        title.add(new Span(getTranslation("report.form.title", r.periodCode()) + " "), ReportFormat.stateBadge(this, r.state()));
        returnBanner.setVisible(r.state() == cn.yn.employment.report.ReportState.RETURNED && r.returnReason() != null);
        returnBanner.setText(r.returnReason() == null ? "" : getTranslation("report.form.returned."
                + (r.returnedBy() == null ? "CITY" : r.returnedBy()), r.returnReason()));
        baseline.setText(Integer.toString(r.baselineHeadcount()));
        previous.setText(ReportFormat.num(r.previousHeadcount()));
        ReportForm f = r.form();
        headcount.setValue(f.headcount());
        hired.setValue(f.hired());
        separated.setValue(f.separated());
        dispatched.setValue(f.dispatched());
        reductionType.setValue(f.reductionType());
        reason1Code.setValue(f.reason1Code());
        reason1Note.setValue(nz(f.reason1Note()));
        reason2Code.setValue(f.reason2Code());
        reason2Note.setValue(nz(f.reason2Note()));
        reason3Code.setValue(f.reason3Code());
        reason3Note.setValue(nz(f.reason3Note()));
        otherNote.setValue(nz(f.otherNote()));
        explanation.setValue(nz(r.warningExplanation()));
        fields.values().forEach(h -> h.setInvalid(false));
        warnings.removeAll();
        explanation.setVisible(r.hasWarnings());
        setEditable(r.state().editable());
        withdraw.setVisible(reports.canWithdraw(r.id()));
        updateReductionVisibility();
        versions.removeAll();
        List<ReportVersionView> vs = reports.versions(r.id());
        for (int i = vs.size() - 1; i >= 0; i--) {
            versions.add(versionDetails(vs.get(i)));
        }
        if (vs.isEmpty()) {
            versions.add(new Paragraph(getTranslation("report.versions.none")));
        }
        timeline.removeAll();
        for (ReportEvent e : reports.events(r.id())) {
            Paragraph p = new Paragraph(ReportFormat.time(e.at()) + " · " + getTranslation("report.event." + e.action())
                    + (e.comment() == null ? "" : "：" + e.comment()));
            p.addClassName("report-event");
            timeline.add(p);
        }
    }

    private Details versionDetails(ReportVersionView v) {
        FormLayout body = new FormLayout();
        ReportForm f = v.form();
        body.addFormItem(new Span(ReportFormat.num(v.baselineHeadcount())), getTranslation("report.field.baseline"));
        body.addFormItem(new Span(ReportFormat.num(v.previousHeadcount())), getTranslation("report.field.previous"));
        body.addFormItem(new Span(ReportFormat.num(f.headcount())), getTranslation("report.field.headcount"));
        body.addFormItem(new Span(ReportFormat.num(f.hired())), getTranslation("report.field.hired"));
        body.addFormItem(new Span(ReportFormat.num(f.separated())), getTranslation("report.field.separated"));
        body.addFormItem(new Span(ReportFormat.num(f.dispatched())), getTranslation("report.field.dispatched"));
        if (f.reductionType() != null) {
            body.addFormItem(new Span(f.reductionType() + " " + nz(v.reductionTypeLabel())), getTranslation("report.field.reductionType"));
            body.addFormItem(new Span(f.reason1Code() + " " + nz(v.reason1Label()) + "：" + nz(f.reason1Note())), getTranslation("report.field.reason1"));
            if (f.reason2Code() != null) {
                body.addFormItem(new Span(f.reason2Code() + " " + nz(v.reason2Label()) + "：" + nz(f.reason2Note())), getTranslation("report.field.reason2"));
            }
            if (f.reason3Code() != null) {
                body.addFormItem(new Span(f.reason3Code() + " " + nz(v.reason3Label()) + "：" + nz(f.reason3Note())), getTranslation("report.field.reason3"));
            }
        }
        if (f.otherNote() != null) {
            body.addFormItem(new Span(f.otherNote()), getTranslation("report.field.otherNote"));
        }
        if (!v.warningCodes().isEmpty()) {
            body.addFormItem(new Span(String.join(", ", v.warningCodes().stream().map(c -> getTranslation("report.warningName." + c)).toList())
                    + "：" + nz(v.warningExplanation())), getTranslation("report.field.explanation"));
        }
        Details d = new Details(getTranslation("report.versions.item", v.versionNo(), ReportFormat.time(v.submittedAt()), v.submittedBy()), body);
        d.setId("report-version-" + v.versionNo());
        return d;
    }

    private void setEditable(boolean editable) {
        for (HasValidation f : fields.values()) {
            if (f instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
                hv.setReadOnly(!editable);
            }
        }
        save.setVisible(editable);
        check.setVisible(editable);
        submit.setVisible(editable);
    }

    private void updateReductionVisibility() {
        boolean below = report != null && headcount.getValue() != null && headcount.getValue() < report.baselineHeadcount();
        reductionSection.setVisible(below);
    }

    ReportForm readForm() {
        return new ReportForm(headcount.getValue(), hired.getValue(), separated.getValue(), dispatched.getValue(),
                reductionType.getValue(), reason1Code.getValue(), reason1Note.getValue(), reason2Code.getValue(),
                reason2Note.getValue(), reason3Code.getValue(), reason3Note.getValue(), otherNote.getValue());
    }

    void saveDraft() {
        try {
            show(reports.saveDraft(report.id(), readForm()));
            Feedback.success(getTranslation("report.saved"));
        } catch (RuntimeException e) {
            Feedback.show(this, e, fields);
        }
    }

    /** Shows errors at the fields and the soft warnings; returns the result. */
    ValidationResult runCheck() {
        try {
            ValidationResult v = reports.validate(report.id(), readForm());
            showWarnings(v.warnings());
            if (v.hasErrors()) {
                Feedback.show(this, new DomainException("report.submit.invalid", v.errors()), fields);
            } else {
                fields.values().forEach(f -> f.setInvalid(false));
                if (!v.hasWarnings()) {
                    Feedback.success(getTranslation("report.check.ok"));
                }
            }
            return v;
        } catch (RuntimeException e) {
            Feedback.show(this, e, fields);
            return null;
        }
    }

    private void showWarnings(List<SoftWarning> list) {
        warnings.removeAll();
        for (SoftWarning w : list) {
            Paragraph p = new Paragraph(getTranslation(w.messageKey(), w.args().toArray()));
            p.addClassName("report-warning");
            p.getElement().setAttribute("data-code", w.code());
            warnings.add(p);
        }
        explanation.setVisible(!list.isEmpty());
        explanation.setRequiredIndicatorVisible(!list.isEmpty());
    }

    void doSubmit() {
        ValidationResult v = runCheck();
        if (v == null || v.hasErrors()) {
            return;
        }
        try {
            ReportForm form = readForm();
            String why = explanation.isVisible() ? explanation.getValue() : null;
            long id = report.id();
            show(idempotent.run(submitKey, "report.submit:" + id, java.util.Arrays.asList(form, why), ReportView.class,
                    () -> reports.submit(id, form, why)));
            Feedback.success(getTranslation("report.submitted"));
        } catch (RuntimeException e) {
            Feedback.show(this, e, fields);
        }
    }

    void doWithdraw() {
        try {
            show(reports.withdraw(report.id()));
            Feedback.success(getTranslation("report.withdrawn"));
        } catch (RuntimeException e) {
            Feedback.show(this, e, fields);
        }
    }


    @Override
    public String viewTitle() {
        return getTranslation("report.form.viewTitle");
    }
}
