package cn.yn.employment.report.ui;

import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.ui.Feedback;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.function.Consumer;

/**
 * 更正: the province reviewer reopens an accepted report. The dialog says what will happen before anything does (the
 * report goes back to the enterprise with the reason, is no longer counted as accepted, and its resubmission runs
 * through city and province review again); the reason is required at its field. {@link ReportService#correct} checks
 * role, scope and state again.
 */
class CorrectionDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();
    final Button cancel = new Button();
    private final ReportService reports;
    private final ReportView report;
    private final Consumer<ReportView> onCorrected;

    CorrectionDialog(ReportService reports, ReportView report, Consumer<ReportView> onCorrected) {
        this.reports = reports;
        this.report = report;
        this.onCorrected = onCorrected;
        setId("report-correct-dialog");
        setWidth("min(640px, 95vw)");
        setHeaderTitle(getTranslation("report.correct.title", report.enterpriseName(), report.periodCode()));

        Paragraph intro = new Paragraph(getTranslation("report.correct.intro"));
        UnorderedList effects = new UnorderedList(
                new ListItem(getTranslation("report.correct.effect.enterprise")),
                new ListItem(getTranslation("report.correct.effect.figures")),
                new ListItem(getTranslation("report.correct.effect.chain")));
        effects.setId("report-correct-effects");

        reason.setId("report-correct-reason");
        reason.setLabel(getTranslation("report.correct.reason"));
        reason.setHelperText(getTranslation("report.correct.reasonHelp"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(1000);
        reason.setWidthFull();
        reason.setMinHeight("6em");
        reason.addValueChangeListener(e -> {
            if (reason.isInvalid() && !e.getValue().isBlank()) {
                reason.setInvalid(false);
            }
        });
        add(intro, effects, reason);

        cancel.setText(getTranslation("ui.cancel"));
        cancel.setId("report-correct-cancel");
        cancel.addClickListener(e -> close());
        confirm.setText(getTranslation("report.correct.confirm"));
        confirm.setIcon(VaadinIcon.EDIT.create());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("report-correct-confirm");
        confirm.addClickListener(e -> submit());
        getFooter().add(cancel, confirm);
    }

    /** Without a reason: the error at the field and the cursor in it, without a round trip to the service. */
    void submit() {
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            reason.setErrorMessage(getTranslation("report.correct.invalid"));
            reason.setInvalid(true);
            reason.focus();
            return;
        }
        try {
            ReportView reopened = reports.correct(report.id(), reason.getValue());
            Feedback.success(getTranslation("report.correct.done", report.enterpriseName(), report.periodCode()));
            close();
            onCorrected.accept(reopened);
        } catch (RuntimeException ex) {
            Feedback.show(this, ex, Map.of("reason", reason));
            if (reason.isInvalid()) {
                reason.focus();
            }
        }
    }
}
