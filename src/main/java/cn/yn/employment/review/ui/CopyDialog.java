package cn.yn.employment.review.ui;

import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.review.CopiedItem;
import cn.yn.employment.review.TimelineEntry;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/** A copy (抄送) opened by its recipient: who sent it and why, the subject, the timeline and the diagram; no actions. */
public class CopyDialog extends Dialog {

    final Div note = new Div();

    CopyDialog(ItemActions actions, CopiedItem copy, SubjectDetailsProvider provider) {
        setId("review-copy-dialog");
        setWidth("min(1100px, 95vw)");
        setHeaderTitle(getTranslation("review.detail.title", copy.enterpriseName() == null ? "#" + copy.subjectId()
                : copy.enterpriseName(), getTranslation("review.kind." + copy.kind())));
        VerticalLayout subject = new VerticalLayout();
        subject.setPadding(false);
        VerticalLayout timeline = new VerticalLayout();
        timeline.setPadding(false);
        timeline.setWidth("22em");
        timeline.setId("review-copy-timeline");
        try {
            CopiedItem opened = actions.copies.open(copy.id());
            note.setText(getTranslation("review.copies.note", opened.fromName(), InboxView.fmt(opened.createdAt()), opened.reason()));
            note.addClassName("ems-callout");
            note.setId("review-copy-note");
            subject.add(note, new H4(getTranslation("review.detail.subject")));
            if (provider != null) {
                subject.add(provider.details(copy.subjectId(), currentUser(actions)));
            }
            timeline.add(new H4(getTranslation("review.detail.timeline")));
            List<TimelineEntry> entries = actions.copies.timeline(copy.id());
            timeline.add(TimelineList.of(timeline, entries));
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
        HorizontalLayout body = new HorizontalLayout(subject, timeline);
        body.setWidthFull();
        body.setFlexGrow(1, subject);
        add(body);
        if (actions.diagrams != null) {
            actions.diagrams.diagram(copy.processInstanceId()).ifPresent(d -> {
                Details diagram = new Details(getTranslation("review.detail.diagram"), d);
                diagram.setOpened(true);
                diagram.setWidthFull();
                add(diagram);
            });
        }
        getFooter().add(new Button(getTranslation("ui.close"), e -> close()));
    }

    private static cn.yn.employment.common.security.CurrentUser currentUser(ItemActions actions) {
        return actions.users.require();
    }
}
