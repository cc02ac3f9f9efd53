package cn.yn.employment.report;

import java.time.Instant;
import java.util.List;

/**
 * A monthly report as the other modules and views see it. Labels of reduction type and reasons are those the
 * report was filed with. {@code returnReason}/{@code returnedBy} (CITY or PROVINCE) describe the latest return
 * while the report is RETURNED (or the correction reason after a 更正).
 */
public record ReportView(long id, long enterpriseId, String enterpriseName, String uscc, String periodCode,
                         String cityCode, String countyCode, String industrySection, String industryDivision,
                         String registrationType, ReportState state, int baselineHeadcount, Integer previousHeadcount,
                         ReportForm form, String reductionTypeLabel, String reason1Label, String reason2Label,
                         String reason3Label, List<String> warningCodes, String warningExplanation, boolean hasWarnings,
                         String layoffWarningLevel, int versionNo, String processInstanceId, Instant submittedAt,
                         Instant acceptedAt, Instant updatedAt, String returnReason, String returnedBy) {

    public ReportView {
        warningCodes = warningCodes == null ? List.of() : List.copyOf(warningCodes);
    }

    public Integer headcount() {
        return form.headcount();
    }
}
