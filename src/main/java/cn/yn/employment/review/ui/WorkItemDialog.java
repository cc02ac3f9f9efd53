package cn.yn.employment.review.ui;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.review.Copies;
import cn.yn.employment.review.Handover;
import cn.yn.employment.review.HandoverAction;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewService;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.ProcessDiagramProvider;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;

/**
 * One work item: the subject (rendered by the owning module's {@link SubjectDetailsProvider}, or the work item's own
 * columns when no provider exists for its kind), the timeline and the process diagram scroll in the content; the
 * decision area (comment, 退回至, reason, and the actions claim / release / 转办 / 委派 / 交回 / 抄送 / return / approve)
 * sits in the footer, so it stays in reach whatever the content's length.
 */
public class WorkItemDialog extends Dialog {

    private final ReviewService review;
    private final Handover handover;
    private final Copies copies;
    private final CodeService codes;
    private final CurrentUser user;
    private final Runnable onChange;
    final WorkItem item;

    final TextArea comment = new TextArea();
    final TextArea reason = new TextArea();
    final RadioButtonGroup<ReturnTo> returnTo = new RadioButtonGroup<>();
    final Button claim = new Button();
    final Button release = new Button();
    final Button approve = new Button();
    final Button sendBack = new Button();
    final Button transfer = new Button();
    final Button delegate = new Button();
    final Button resolve = new Button();
    final Button copy = new Button();
    /** The decision area (fields and buttons) in the dialog's footer: visible however long the content is. */
    final VerticalLayout actionBar = new VerticalLayout();
    /** The scrolling part: subject, timeline, diagram. */
    final VerticalLayout content = new VerticalLayout();

    WorkItemDialog(ReviewService review, Handover handover, Copies copies, CodeService codes, CurrentUser user, WorkItem item,
                   SubjectDetailsProvider provider, ProcessDiagramProvider diagrams, Runnable onChange) {
        this.review = review;
        this.handover = handover;
        this.copies = copies;
        this.codes = codes;
        this.user = user;
        this.item = item;
        this.onChange = onChange;
        setId("review-item-dialog");
        setWidth("min(1100px, 95vw)");
        setHeaderTitle(getTranslation("review.detail.title", item.enterpriseName() == null ? "#" + item.subjectId()
                : item.enterpriseName(), getTranslation("review.kind." + item.kind())));

        VerticalLayout subject = new VerticalLayout();
        subject.setPadding(false);
        subject.add(new H4(getTranslation("review.detail.subject")));
        if (item.returnedByProvince() && item.returnComment() != null) {
            Span note = new Span(getTranslation("review.detail.returnComment", item.returnComment()));
            note.addClassName("ems-callout");
            note.setId("review-province-return-note");
            subject.add(note);
        }
        subject.add(subjectDetails(provider));

        VerticalLayout timeline = new VerticalLayout();
        timeline.setPadding(false);
        timeline.setId("review-timeline");
        timeline.add(new H4(getTranslation("review.detail.timeline")));
        timeline.add(timelineList());
        timeline.setWidth("22em");

        HorizontalLayout body = new HorizontalLayout(subject, timeline);
        body.setWidthFull();
        body.setFlexGrow(1, subject);
        content.setPadding(false);
        content.setId("review-item-content");
        content.add(body);
        if (diagrams != null) {
            diagrams.diagram(item.processInstanceId()).ifPresent(d -> {
                Details diagram = new Details(getTranslation("review.detail.diagram"), d);
                diagram.setOpened(true);
                diagram.setWidthFull();
                diagram.setId("review-item-diagram");
                content.add(diagram);
            });
        }
        add(content);

        actionBar.setId("review-action-bar");
        actionBar.addClassName("ems-action-bar");
        actionBar.setPadding(false);
        actionBar.setSpacing(false);
        actionBar.setWidthFull();
        Button close = new Button(getTranslation("ui.close"), e -> close());
        copy.setText(getTranslation("review.action.copy"));
        copy.setIcon(VaadinIcon.COPY_O.create());
        copy.setId("review-item-copy");
        copy.addClickListener(e -> openHandover(HandoverAction.COPY));
        if (item.done()) {
            Span done = new Span(getTranslation("review.detail.done", getTranslation("review.decision." + item.decision()),
                    InboxView.fmt(item.completedAt())));
            actionBar.add(done, buttons(close, copy));
        } else {
            actionsForm();
            actionBar.add(decisionFields(), buttons(close, claim, release, transfer, delegate, resolve, copy, sendBack, approve));
        }
        getFooter().add(actionBar);
    }

    private static HorizontalLayout buttons(Component... buttons) {
        HorizontalLayout row = new HorizontalLayout(buttons);
        row.setWidthFull();
        row.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private Component decisionFields() {
        HorizontalLayout fields = new HorizontalLayout();
        fields.setWidthFull();
        fields.setId("review-decision-fields");
        if (item.delegated()) {
            Span note = new Span(getTranslation("review.detail.delegatedNote", item.owner()));
            note.addClassName("ems-callout");
            note.setId("review-delegated-note");
            fields.add(note);
            if (!user.username().equals(item.claimedBy())) {
                note.setText(getTranslation("review.handover.delegated", item.owner(), item.claimedBy()));
            }
            return fields;
        }
        comment.setHeight("5.5em");
        reason.setHeight("5.5em");
        fields.add(comment, returnTo, reason);
        fields.setFlexGrow(1, comment, reason);
        return fields;
    }

    private void openHandover(HandoverAction action) {
        HandoverDialog d = new HandoverDialog(handover, copies, action, List.of(item), () -> {
            if (action != HandoverAction.COPY) {
                close();
                onChange.run();
            }
        });
        d.open();
    }

    private Component subjectDetails(SubjectDetailsProvider provider) {
        if (provider != null) {
            try {
                return provider.details(item.subjectId(), user);
            } catch (RuntimeException e) {
                Feedback.show(this, e);
            }
        }
        VerticalLayout fallback = new VerticalLayout();
        fallback.setPadding(false);
        Span hint = new Span(getTranslation("review.detail.noProvider"));
        hint.addClassName("ems-muted");
        FormLayout form = new FormLayout();
        form.setId("review-item-fields");
        field(form, "review.col.enterprise", item.enterpriseName());
        field(form, "review.col.uscc", item.uscc());
        field(form, "review.col.kind", getTranslation("review.kind." + item.kind()));
        field(form, "review.col.period", item.periodCode());
        field(form, "review.col.region", codes.nameOf(CodeType.REGION, item.cityCode()) + " "
                + codes.nameOf(CodeType.REGION, item.countyCode()));
        field(form, "review.filter.industry", item.industryDivision() == null ? "" : item.industryDivision() + " "
                + codes.nameOf(CodeType.INDUSTRY, item.industryDivision()));
        field(form, "review.col.state", item.state() == null ? "" : getTranslation("review.state." + item.state()));
        field(form, "review.col.warnings", getTranslation(item.hasWarnings() ? "review.filter.yes" : "review.filter.no"));
        field(form, "review.col.submitted", InboxView.fmt(item.submittedAt()));
        field(form, "review.col.due", InboxView.fmt(item.dueAt()));
        field(form, "review.col.claimed", item.claimedBy());
        fallback.add(hint, form);
        return fallback;
    }

    private void field(FormLayout form, String labelKey, String value) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setValue(value == null ? "" : value);
        f.setReadOnly(true);
        form.add(f);
    }

    private Component timelineList() {
        try {
            return TimelineList.of(this, review.timeline(item.kind(), item.subjectId()));
        } catch (RuntimeException ex) {
            Feedback.show(this, ex);
            return new Div();
        }
    }

    private void actionsForm() {
        comment.setLabel(getTranslation("review.detail.comment"));
        comment.setWidthFull();
        comment.setMaxLength(1000);
        comment.setId("review-approve-comment");
        reason.setLabel(getTranslation("review.detail.reason"));
        reason.setWidthFull();
        reason.setMaxLength(1000);
        reason.setRequiredIndicatorVisible(true);
        reason.setId("review-return-reason");
        returnTo.setLabel(getTranslation("review.detail.returnTo"));
        returnTo.setItems(item.isProvinceTask() ? List.of(ReturnTo.CITY, ReturnTo.ENTERPRISE) : List.of(ReturnTo.ENTERPRISE));
        returnTo.setItemLabelGenerator(r -> getTranslation("review.returnTo." + r.name()));
        returnTo.setValue(ReturnTo.ENTERPRISE);
        returnTo.setVisible(item.isProvinceTask());
        returnTo.setId("review-return-to");
        returnTo.getStyle().set("flex", "none").set("white-space", "nowrap"); // beside the text areas, never wrapped

        boolean mine = user.username().equals(item.claimedBy());
        claim.setText(getTranslation("review.action.claim"));
        claim.setId("review-item-claim");
        claim.setVisible(item.claimedBy() == null);
        claim.addClickListener(e -> run(() -> review.claim(item.taskId()), "review.claimed"));
        release.setText(getTranslation("review.action.release"));
        release.setId("review-item-release");
        release.setVisible(mine);
        release.addClickListener(e -> run(() -> review.release(item.taskId()), "review.released"));
        approve.setText(getTranslation("review.action.approve"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.setId("review-item-approve");
        approve.addClickListener(e -> run(() -> review.approve(item.taskId(), comment.getValue()), "review.approved"));
        sendBack.setText(getTranslation("review.action.return"));
        sendBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        sendBack.setId("review-item-return");
        sendBack.addClickListener(e -> sendBack());
        transfer.setText(getTranslation("review.action.transfer"));
        transfer.setIcon(VaadinIcon.EXCHANGE.create());
        transfer.setId("review-item-transfer");
        transfer.addClickListener(e -> openHandover(HandoverAction.TRANSFER));
        delegate.setText(getTranslation("review.action.delegate"));
        delegate.setIcon(VaadinIcon.USER_CHECK.create());
        delegate.setId("review-item-delegate");
        delegate.addClickListener(e -> openHandover(HandoverAction.DELEGATE));
        resolve.setText(getTranslation("review.action.resolve"));
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resolve.setId("review-item-resolve");
        resolve.addClickListener(e -> openHandover(HandoverAction.RESOLVE));

        boolean claimedByOther = item.claimedBy() != null && !mine;
        boolean delegatedToMe = item.delegated() && mine;
        approve.setEnabled(!claimedByOther);
        sendBack.setEnabled(!claimedByOther);
        release.setVisible(mine && !item.delegated());
        transfer.setVisible(!claimedByOther && !item.delegated());
        delegate.setVisible(!claimedByOther && !item.delegated());
        resolve.setVisible(delegatedToMe);
        approve.setVisible(!item.delegated());
        sendBack.setVisible(!item.delegated());
    }

    /** 退回 without a reason: the error at the field and the cursor in it, without a round trip. */
    private void sendBack() {
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            reason.setErrorMessage(getTranslation("review.error.reasonRequired"));
            reason.setInvalid(true);
            reason.focus();
            return;
        }
        run(() -> review.returnTask(item.taskId(), returnTo.getValue(), reason.getValue()), "review.returned");
    }

    private void run(Runnable action, String successKey) {
        try {
            action.run();
            Feedback.success(getTranslation(successKey));
            close();
            onChange.run();
        } catch (RuntimeException e) {
            Feedback.show(this, e, Map.of("reason", reason, "comment", comment));
            if (reason.isInvalid()) {
                reason.focus();
            } else if (comment.isInvalid()) {
                comment.focus();
            }
        }
    }
}
