package cn.yn.employment.period;

import cn.yn.employment.common.reporting.HasReportingCounts;
import cn.yn.employment.common.reporting.ReportingCounts;
import java.time.Instant;

/**
 * Reporting progress of an area (a city in the province view, a county in a city view): its {@link ReportingCounts}
 * (应报, 已报, 已审核, 缺报, 退回 as everywhere else). {@code overdue}: the area's window has ended and some
 * enterprises have not reported.
 */
public record ProgressRow(String areaCode, ReportingCounts counts, Instant windowEnd, boolean overdue)
        implements HasReportingCounts {
}
