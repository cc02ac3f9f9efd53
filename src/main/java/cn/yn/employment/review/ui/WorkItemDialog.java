package cn.yn.employment.review.ui;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewService;
import cn.yn.employment.review.TimelineEntry;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;

/**
 * One work item: the subject (rendered by the owning module's {@link SubjectDetailsProvider}, or the work item's own
 * columns when no provider exists for its kind), the timeline, and the actions claim / release / approve / return.
 */
public class WorkItemDialog extends Dialog {

    private final ReviewService review;
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

    WorkItemDialog(ReviewService review, CodeService codes, CurrentUser user, WorkItem item,
                   SubjectDetailsProvider provider, Runnable onChange) {
        this.review = review;
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
            note.getElement().getThemeList().add("badge contrast");
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
        add(body);
        if (item.done()) {
            Span done = new Span(getTranslation("review.detail.done", getTranslation("review.decision." + item.decision()),
                    InboxView.fmt(item.completedAt())));
            add(done);
            getFooter().add(new Button(getTranslation("ui.close"), e -> close()));
        } else {
            add(actionsForm());
            getFooter().add(new Button(getTranslation("ui.close"), e -> close()), claim, release, sendBack, approve);
        }
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
        Div list = new Div();
        try {
            List<TimelineEntry> entries = review.timeline(item.kind(), item.subjectId());
            if (entries.isEmpty()) {
                list.add(new Span(getTranslation("review.timeline.empty")));
            }
            for (TimelineEntry e : entries) {
                Div row = new Div();
                row.addClassName("review-timeline-entry");
                row.getStyle().set("border-left", "3px solid var(--lumo-primary-color-50pct)")
                        .set("padding", "0 0 var(--lumo-space-s) var(--lumo-space-s)");
                String what = getTranslation("review.timeline." + e.type());
                if (e.step() != null) {
                    what = getTranslation("review.timeline.step." + e.step()) + " · " + what;
                }
                if (e.returnTo() != null) {
                    what += " · " + getTranslation("review.returnTo." + e.returnTo());
                }
                Span head = new Span(what);
                head.getStyle().set("font-weight", "600");
                Span meta = new Span(InboxView.fmt(e.at()) + (e.actor() == null ? "" : " · " + e.actor()));
                meta.addClassName("ems-muted");
                row.add(head, new Div(meta));
                if (e.comment() != null) {
                    row.add(new Div(new Span(e.comment())));
                }
                list.add(row);
            }
        } catch (RuntimeException ex) {
            Feedback.show(this, ex);
        }
        return list;
    }

    private Component actionsForm() {
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
        sendBack.addClickListener(e -> run(() -> review.returnTask(item.taskId(), returnTo.getValue(), reason.getValue()),
                "review.returned"));
        boolean claimedByOther = item.claimedBy() != null && !mine;
        approve.setEnabled(!claimedByOther);
        sendBack.setEnabled(!claimedByOther);

        VerticalLayout form = new VerticalLayout(comment, returnTo, reason);
        form.setPadding(false);
        return form;
    }

    private void run(Runnable action, String successKey) {
        try {
            action.run();
            Feedback.success(getTranslation(successKey));
            close();
            onChange.run();
        } catch (RuntimeException e) {
            Feedback.show(this, e, Map.of("reason", reason, "comment", comment));
        }
    }
}
