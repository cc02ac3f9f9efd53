package cn.yn.employment.common.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working-day arithmetic of the business calendar: Monday to Friday in the business zone, minus public holidays,
 * plus the weekend days declared working days (调休). The one calculator behind review due dates, the inbox's
 * "overdue" and the SLA escalation's "late".
 */
public record WorkingDays(Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {

    public static final WorkingDays WEEKDAYS = new WorkingDays(Set.of(), Set.of());

    public WorkingDays {
        holidays = Set.copyOf(holidays);
        extraWorkdays = Set.copyOf(extraWorkdays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkdays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** The working day {@code days} working days after {@code day} ({@code day} itself does not count). */
    public LocalDate plus(LocalDate day, int days) {
        LocalDate d = day;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * The due moment of something that arrived at {@code from} with {@code days} working days to act: the last
     * second of the {@code days}-th working day after the arrival's day (business zone).
     */
    public Instant dueAfter(Instant from, int days) {
        LocalDate arrival = from.atZone(TimeConfig.ZONE).toLocalDate();
        return plus(arrival, days).plusDays(1).atStartOfDay(TimeConfig.ZONE).toInstant().minusSeconds(1);
    }

    /**
     * Parses a list of dates as the business parameters hold it: {@code 2027-10-01..2027-10-07,2027-01-01}
     * (comma-separated days or inclusive ranges; blank = none).
     *
     * @throws IllegalArgumentException on a malformed entry or a range that runs backwards or over 366 days
     */
    public static Set<LocalDate> parseDates(String text) {
        Set<LocalDate> out = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("[,，\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int dots = part.indexOf("..");
                LocalDate from = LocalDate.parse(dots < 0 ? part : part.substring(0, dots));
                LocalDate to = dots < 0 ? from : LocalDate.parse(part.substring(dots + 2));
                if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
                    throw new IllegalArgumentException("range " + part);
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    out.add(d);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("date " + part, e);
            }
        }
        return out;
    }
}
