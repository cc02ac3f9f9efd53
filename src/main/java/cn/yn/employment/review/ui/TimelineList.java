package cn.yn.employment.review.ui;

import cn.yn.employment.review.TimelineEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** A subject's timeline as a list: what happened at which step, when, by whom (name and unit), to whom, and why. */
final class TimelineList {

    private TimelineList() {
    }

    static Div of(Component context, List<TimelineEntry> entries) {
        Div list = new Div();
        list.addClassName("review-timeline");
        if (entries.isEmpty()) {
            list.add(new Span(context.getTranslation("review.timeline.empty")));
        }
        for (TimelineEntry e : entries) {
            Div row = new Div();
            row.addClassName("review-timeline-entry");
            row.addClassName("review-timeline-" + e.type().toLowerCase());
            String what = context.getTranslation("review.timeline." + e.type());
            if (e.step() != null) {
                what = context.getTranslation("review.timeline.step." + e.step()) + " · " + what;
            }
            if (e.returnTo() != null) {
                what += " · " + context.getTranslation("review.returnTo." + e.returnTo());
            }
            if (e.target() != null) {
                what += " " + context.getTranslation("review.timeline.to", e.targetName() == null ? e.target() : e.targetName());
            }
            Span head = new Span(what);
            head.addClassName("review-timeline-what");
            String actor = e.actorName() != null ? e.actorName() : e.actor();
            Span meta = new Span(InboxView.fmt(e.at()) + (actor == null ? "" : " · " + actor));
            meta.addClassName("ems-muted");
            meta.addClassName("review-timeline-actor");
            row.add(head, new Div(meta));
            if (e.comment() != null) {
                row.add(new Div(new Span(e.comment())));
            }
            list.add(row);
        }
        return list;
    }
}
