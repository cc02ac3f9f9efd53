package cn.yn.employment.period;

import cn.yn.employment.common.reporting.ReportingCounts;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reporting progress of an area (a city in the province view, a county in a city view): its {@link ReportingCounts}
 * (应报, 已报, 已审核, 缺报, 退回 as everywhere else). {@code overdue}: the area's window has ended and some
 * enterprises have not reported.
 */
public record ProgressRow(String areaCode, ReportingCounts counts, Instant windowEnd, boolean overdue) {

    public long due() {
        return counts.due();
    }

    public long reported() {
        return counts.reported();
    }

    public long accepted() {
        return counts.accepted();
    }

    public long missing() {
        return counts.missing();
    }

    public long returned() {
        return counts.returned();
    }

    public BigDecimal submissionRate() {
        return counts.submissionRate();
    }

    public BigDecimal reviewRate() {
        return counts.reviewRate();
    }
}
