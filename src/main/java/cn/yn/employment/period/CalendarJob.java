package cn.yn.employment.period;

import java.util.Arrays;
import java.util.Optional;

/**
 * The jobs the calendar runs on Quartz. {@code calendar} jobs are visible to province reviewers too; all are
 * visible to system administrators.
 */
public enum CalendarJob {
    PERIOD_OPEN("period-open", true, null),
    PERIOD_REMIND("period-remind", true, null),
    PERIOD_CLOSE("period-close", true, null),
    GRANT_EXPIRY("grant-expiry", true, "0 */5 * * * ?"),
    REVIEW_SLA("review-sla", true, "0 0 * * * ?"),
    CALENDAR_SYNC("calendar-sync", true, "0 */10 * * * ?"),
    FLOWABLE_HISTORY_CLEANUP("flowable-history-cleanup", false, "0 30 2 * * ?");

    public static final String GROUP = "calendar";

    private final String key;
    private final boolean calendar;
    private final String cron;

    CalendarJob(String key, boolean calendar, String cron) {
        this.key = key;
        this.calendar = calendar;
        this.cron = cron;
    }

    public String key() {
        return key;
    }

    public boolean calendar() {
        return calendar;
    }

    /** Cron for jobs on a fixed schedule; null for jobs fired by each period's own triggers. */
    public String cron() {
        return cron;
    }

    public String labelKey() {
        return "calendar.job." + key;
    }

    public static Optional<CalendarJob> byKey(String key) {
        return Arrays.stream(values()).filter(j -> j.key.equals(key)).findFirst();
    }
}
