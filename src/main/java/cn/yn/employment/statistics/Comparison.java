package cn.yn.employment.statistics;

import java.math.BigDecimal;

/**
 * 环比 / 同比 over matched enterprises: those with an accepted report both in the period and in the compared
 * period (new enterprises and enterprises that did not report then are left out, so a new enterprise never
 * shows as growth). {@code rate} is null when nothing can be compared (no earlier period, no common enterprise).
 */
public record Comparison(String comparedPeriod, long enterprises, long headcount, long comparedHeadcount) {

    public long change() {
        return headcount - comparedHeadcount;
    }

    public BigDecimal rate() {
        return enterprises == 0 ? null : Figures.ratio(change(), comparedHeadcount);
    }
}
