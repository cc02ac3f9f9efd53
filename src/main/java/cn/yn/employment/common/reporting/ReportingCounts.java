package cn.yn.employment.common.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The reporting counts of a period and scope, defined once for every page, report and API (docs/domain.md §7):
 * <ul>
 * <li>应报 {@code due}: the period's report rows in scope plus the filed enterprises without one (leaving out
 * enterprises filed after the period's window ended);</li>
 * <li>已报 {@code reported}: submitted and not sent back ({@link ReportingStates#REPORTED});</li>
 * <li>已审核 {@code accepted}: accepted by the province ({@link ReportingStates#ACCEPTED_BY_PROVINCE}), part of 已报;</li>
 * <li>缺报 {@code missing} = 应报 − 已报: no report, a draft, marked missing, or returned;</li>
 * <li>退回 {@code returned}: returned to the enterprise and not resubmitted, part of 缺报.</li>
 * </ul>
 * 上报率 = 已报 ÷ 应报, 审核率 = 已审核 ÷ 应报.
 */
public record ReportingCounts(long due, long reported, long accepted, long missing, long returned) {

    public static final ReportingCounts NONE = new ReportingCounts(0, 0, 0, 0, 0);

    public ReportingCounts {
        if (due < 0 || reported < 0 || accepted < 0 || returned < 0 || reported > due || accepted > reported
                || missing != due - reported || returned > missing) {
            throw new IllegalArgumentException("inconsistent counts: due " + due + ", reported " + reported + ", accepted "
                    + accepted + ", missing " + missing + ", returned " + returned);
        }
    }

    /** The counts from 应报, 已报, 已审核 and 退回 (缺报 follows). */
    public static ReportingCounts of(long due, long reported, long accepted, long returned) {
        return new ReportingCounts(due, reported, accepted, due - reported, returned);
    }

    public ReportingCounts plus(ReportingCounts o) {
        return of(due + o.due, reported + o.reported, accepted + o.accepted, returned + o.returned);
    }

    /** Submitted and still under review (at the city or the province): 已报 − 已审核. */
    public long inReview() {
        return reported - accepted;
    }

    /** 上报率 已报 ÷ 应报 as a fraction; null when nothing is due. */
    public BigDecimal submissionRate() {
        return ratio(reported, due);
    }

    /** 审核率 已审核 ÷ 应报 as a fraction; null when nothing is due. */
    public BigDecimal reviewRate() {
        return ratio(accepted, due);
    }

    /**
     * The figures can still change: the period is open for submissions, or reports are under review or returned
     * for revision. Pages and reports mark such figures as provisional (截至…).
     */
    public boolean provisional(boolean periodOpen) {
        return periodOpen || inReview() > 0 || returned > 0;
    }

    /** Nothing due and nothing reported: the period has no data in this scope. */
    public boolean empty() {
        return due == 0;
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 8, RoundingMode.HALF_UP);
    }
}
