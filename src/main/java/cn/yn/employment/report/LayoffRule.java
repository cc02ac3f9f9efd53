package cn.yn.employment.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Layoff early warning (裁员预警, docs/domain.md §5) for an accepted report: a decrease against the previous period of
 * at least {@code absolute} people or at least {@code ratePercent} % is {@link #WARNING}; at least
 * {@code severeRatePercent} % is {@link #SEVERE}.
 */
public record LayoffRule(int absolute, int ratePercent, int severeRatePercent) {

    public static final String WARNING = "WARNING";
    public static final String SEVERE = "SEVERE";

    /** Decrease rate as a fraction (0.1234 = 12.34 %), 4 decimals; zero when there is no previous headcount. */
    public static BigDecimal rate(int previous, int headcount) {
        if (previous <= 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf((long) previous - headcount).divide(BigDecimal.valueOf(previous), 4, RoundingMode.HALF_UP);
    }

    /** The level, or null when no warning applies. */
    public String level(Integer previous, Integer headcount) {
        if (previous == null || headcount == null || previous <= 0 || headcount >= previous) {
            return null;
        }
        int decrease = previous - headcount;
        BigDecimal percent = rate(previous, headcount).multiply(BigDecimal.valueOf(100));
        if (percent.compareTo(BigDecimal.valueOf(severeRatePercent)) >= 0) {
            return SEVERE;
        }
        if (decrease >= absolute || percent.compareTo(BigDecimal.valueOf(ratePercent)) >= 0) {
            return WARNING;
        }
        return null;
    }
}
