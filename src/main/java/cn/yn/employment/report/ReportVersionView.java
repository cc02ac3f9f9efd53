package cn.yn.employment.report;

import java.time.Instant;
import java.util.List;

/** One submitted version of a report (immutable snapshot from report_version). */
public record ReportVersionView(long reportId, int versionNo, Instant submittedAt, String submittedBy, ReportForm form,
                                String reductionTypeLabel, String reason1Label, String reason2Label, String reason3Label,
                                int baselineHeadcount, Integer previousHeadcount, List<String> warningCodes,
                                String warningExplanation) {

    public ReportVersionView {
        warningCodes = warningCodes == null ? List.of() : List.copyOf(warningCodes);
    }
}
