package cn.yn.employment.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of one group (the whole scope, one city, one industry, one period...). Headcounts are over
 * accepted reports (ACCEPTED or FORWARDED). {@code previousHeadcount} ΣP uses each report's previous-period
 * headcount, or its baseline when the enterprise has no previous period.
 *
 * @param key           the group's code (city code, industry code, period code), null for the whole scope
 * @param monitored     filed enterprises in scope (监测企业数); -1 where not computed (trends)
 * @param due           应报: report rows of the period plus filed enterprises without one
 * @param accepted      已报 (accepted or forwarded)
 * @param pending       submitted and waiting for review
 * @param returned      退回
 * @param missing       缺报
 * @param rose          enterprises whose headcount is above their baseline; roseBy the sum of the increases
 * @param fell          enterprises below their baseline; fellBy the sum of the decreases (positive)
 * @param unchanged     enterprises at their baseline
 * @param lost          Σ max(P − E, 0), jobs lost since the previous period
 */
public record Figures(String key, long monitored, long due, long accepted, long pending, long returned, long missing,
                      long baselineHeadcount, long headcount, long previousHeadcount,
                      long rose, long roseBy, long fell, long fellBy, long unchanged, long lost) {

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
        return ratio(accepted, due);
    }

    /** 岗位流失率 Σ max(P − E, 0) / ΣP. */
    public BigDecimal jobLossRate() {
        return ratio(lost, previousHeadcount);
    }

    /** Not yet submitted (draft or no report row). */
    public long notSubmitted() {
        return Math.max(0, due - accepted - pending - returned - missing);
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
