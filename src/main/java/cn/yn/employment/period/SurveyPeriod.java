package cn.yn.employment.period;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A survey period (调查期) {@code YYYY-MM} with its province-wide reporting window (cities may have their own,
 * see {@link PeriodService#windowFor}) and its state.
 */
public record SurveyPeriod(long id, String code, Instant windowStart, Instant windowEnd, PeriodState state,
                           String reminderOffsets, Instant createdAt, Instant updatedAt, int version) {

    public YearMonth yearMonth() {
        return YearMonth.parse(code);
    }

    public Window window() {
        return new Window(windowStart, windowEnd);
    }

    /** The code of the month before, e.g. 2026-01 → 2025-12. */
    public String previousCode() {
        return PeriodService.previousCode(code);
    }
}
