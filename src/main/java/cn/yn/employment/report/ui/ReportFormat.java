package cn.yn.employment.report.ui;

import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.report.ReportState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Small rendering helpers shared by the report views. */
final class ReportFormat {

    static final DateTimeFormatter TIME = BusinessTime.MINUTES;

    private ReportFormat() {
    }

    static String time(Instant i) {
        return i == null ? "" : TIME.format(i);
    }

    static String num(Integer i) {
        return i == null ? "—" : i.toString();
    }

    static Span stateBadge(Component ctx, ReportState state) {
        Span s = new Span(ctx.getTranslation(state.labelKey()));
        s.getElement().getThemeList().add("badge");
        switch (state) {
            case ACCEPTED, FORWARDED -> s.getElement().getThemeList().add("success");
            case RETURNED, MISSING -> s.getElement().getThemeList().add("error");
            case DRAFT -> s.getElement().getThemeList().add("contrast");
            default -> { }
        }
        s.addClassName("report-state");
        return s;
    }

    /** Days and hours until the deadline (i18n keys of the report bundle), or null when it has passed. */
    static String countdown(Component ctx, Instant now, Instant end) {
        if (!now.isBefore(end)) {
            return null;
        }
        Duration d = Duration.between(now, end);
        return ctx.getTranslation("report.home.countdown", d.toDays(), d.toHoursPart(), d.toMinutesPart());
    }
}
