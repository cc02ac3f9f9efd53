package cn.yn.employment.statistics;

import java.time.LocalDate;
import java.util.List;

/** Everything the dashboard's key figures show for a period and filter. */
public record Overview(String periodCode, StatisticsFilter filter, Figures figures, Comparison monthOnMonth,
                       Comparison yearOnYear, List<CodeCount> warningLevels, boolean periodOpen, LocalDate asOf) {

    /** The figures can still change (period open, reports under review or returned): mark them 截至 {@link #asOf}. */
    public boolean provisional() {
        return figures.counts().provisional(periodOpen);
    }

    public long warnings() {
        return warningLevels.stream().mapToLong(CodeCount::enterprises).sum();
    }
}
