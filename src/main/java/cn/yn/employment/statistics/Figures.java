package cn.yn.employment.statistics;

import cn.yn.employment.common.reporting.HasReportingCounts;
import cn.yn.employment.common.reporting.ReportingCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of one group (the whole scope, one city, one industry, one period...). The reporting counts
 * (应报, 已报, 已审核, 缺报, 退回) are {@link ReportingCounts}, defined once for every page and report; headcounts are
 * over reports accepted by the province (ACCEPTED or FORWARDED). {@code previousHeadcount} ΣP uses each report's
 * previous-period headcount, or its baseline when the enterprise has no previous period.
 *
 * @param key           the group's code (city code, industry code, period code), null for the whole scope
 * @param monitored     filed enterprises in scope (监测企业数); -1 where not computed (trends)
 * @param counts        应报 / 已报 / 已审核 / 缺报 / 退回
 * @param rose          enterprises whose headcount is above their baseline; roseBy the sum of the increases
 * @param fell          enterprises below their baseline; fellBy the sum of the decreases (positive)
 * @param unchanged     enterprises at their baseline
 * @param lost          Σ max(P − E, 0), jobs lost since the previous period
 */
public record Figures(String key, long monitored, ReportingCounts counts,
                      long baselineHeadcount, long headcount, long previousHeadcount,
                      long rose, long roseBy, long fell, long fellBy, long unchanged, long lost)
        implements HasReportingCounts {

    /** No accepted report: there are no headcount figures (shown as "—", drawn as a gap). */
    public boolean noHeadcounts() {
        return counts.accepted() == 0;
    }

    /** 变化数 ΣE − ΣB. */
    public long change() {
        return headcount - baselineHeadcount;
    }

    /** 变化率 (ΣE − ΣB) / ΣB as a fraction (−0.0050 for −0.50 %), null when ΣB is 0. */
    public BigDecimal changeRate() {
        return ratio(change(), baselineHeadcount);
    }

    /** 上报率 已报 / 应报. */
    public BigDecimal submissionRate() {
        return counts.submissionRate();
    }

    /** 审核率 已审核 / 应报. */
    public BigDecimal reviewRate() {
        return counts.reviewRate();
    }

    /** 岗位流失率 Σ max(P − E, 0) / ΣP. */
    public BigDecimal jobLossRate() {
        return ratio(lost, previousHeadcount);
    }

    public static BigDecimal ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 8, RoundingMode.HALF_UP);
    }

    /** A rate as a percentage with two decimals, "−0.50 %"-style without the sign symbol; null stays null. */
    public static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
