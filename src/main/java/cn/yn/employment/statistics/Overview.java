package cn.yn.employment.statistics;

import java.util.List;

/** Everything the dashboard's key figures show for a period and filter. */
public record Overview(String periodCode, StatisticsFilter filter, Figures figures, Comparison monthOnMonth,
                       Comparison yearOnYear, List<CodeCount> warningLevels) {

    public long warnings() {
        return warningLevels.stream().mapToLong(CodeCount::enterprises).sum();
    }
}
