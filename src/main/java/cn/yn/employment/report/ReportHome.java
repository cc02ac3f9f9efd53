package cn.yn.employment.report;

import cn.yn.employment.period.SurveyPeriod;
import cn.yn.employment.period.Window;
import java.util.Optional;

/**
 * What an enterprise's home shows: the current period, the window that applies to its city, its report for that
 * period (if started), whether it is filed and whether submission is possible now.
 */
public record ReportHome(Optional<SurveyPeriod> period, Window window, Optional<ReportView> report, boolean filed,
                         boolean canSubmitNow) {
}
