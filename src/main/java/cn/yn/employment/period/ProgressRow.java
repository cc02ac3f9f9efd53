package cn.yn.employment.period;

import java.time.Instant;

/**
 * Reporting progress of an area (a city in the province view, a county in a city view): 应报 (due), 已报
 * (submitted), 缺报 (not submitted = due − submitted), 退回 (returned), 已审 (accepted). {@code overdue}: the area's
 * window has ended and some enterprises have not submitted.
 */
public record ProgressRow(String areaCode, long due, long submitted, long returned, long accepted, Instant windowEnd,
                          boolean overdue) {

    public long missing() {
        return due - submitted;
    }

    public double submittedRate() {
        return due == 0 ? 0 : (double) submitted / due;
    }

    public double acceptedRate() {
        return due == 0 ? 0 : (double) accepted / due;
    }
}
