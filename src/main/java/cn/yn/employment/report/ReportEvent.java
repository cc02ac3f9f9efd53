package cn.yn.employment.report;

import java.time.Instant;

/**
 * One entry of a report's timeline (review notes): SUBMITTED, RESUBMITTED, WITHDRAWN, CITY_APPROVED,
 * CITY_RETURNED, PROVINCE_APPROVED, PROVINCE_RETURNED_CITY, PROVINCE_RETURNED_ENTERPRISE, ACCEPTED,
 * CORRECTION_OPENED. The label is the i18n key {@code report.event.<action>}.
 */
public record ReportEvent(long reportId, int versionNo, Instant at, String actor, String action, String comment) {
}
