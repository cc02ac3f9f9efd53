package cn.yn.employment.report;

import cn.yn.employment.common.reporting.ReportingStates;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * docs/domain.md §6: 草稿 → 待市审 → 待省审 → 省已通过 → 已上报部; returns go to 待企业修改; 缺报 for non-reporters.
 * Written only by the report module (service and the report-review process listeners). Which states each statistic
 * counts is {@link ReportingStates} (shared with the modules that count reports); the typed sets below are those.
 */
public enum ReportState {
    DRAFT, PENDING_CITY, PENDING_PROVINCE, RETURNED, ACCEPTED, FORWARDED, MISSING;

    /** 已报: submitted and not sent back. */
    public static final Set<ReportState> REPORTED = typed(ReportingStates.REPORTED);
    /** 已审核: accepted by the province. */
    public static final Set<ReportState> ACCEPTED_BY_PROVINCE = typed(ReportingStates.ACCEPTED_BY_PROVINCE);
    /** 退回: returned to the enterprise, not resubmitted. */
    public static final Set<ReportState> RETURNED_TO_ENTERPRISE = typed(ReportingStates.RETURNED);

    /** i18n key of the label: 草稿/待市审/待省审/待企业修改/省已通过/已上报部/缺报. */
    public String labelKey() {
        return "report.state." + name();
    }

    /** The enterprise may edit the figures (draft, returned to it, or missing — submittable with a late-filing grant). */
    public boolean editable() {
        return this == DRAFT || this == RETURNED || this == MISSING;
    }

    /** 已报: counted as submitted by statistics and progress (not a draft, not returned, not missing). */
    public boolean reported() {
        return REPORTED.contains(this);
    }

    /** 已审核: accepted by the province; headcount statistics, receipts and forwarding take these. */
    public boolean acceptedByProvince() {
        return ACCEPTED_BY_PROVINCE.contains(this);
    }

    public boolean inReview() {
        return this == PENDING_CITY || this == PENDING_PROVINCE;
    }

    /** The set as an SQL IN-list, {@code ('ACCEPTED','FORWARDED')}. */
    public static String sqlIn(Set<ReportState> states) {
        return ReportingStates.sqlIn(states.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
    }

    private static Set<ReportState> typed(Set<String> names) {
        EnumSet<ReportState> s = EnumSet.noneOf(ReportState.class);
        names.forEach(n -> s.add(valueOf(n)));
        return Collections.unmodifiableSet(s);
    }
}
