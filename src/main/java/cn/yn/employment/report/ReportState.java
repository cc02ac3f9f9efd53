package cn.yn.employment.report;

/**
 * docs/domain.md §6: 草稿 → 待市审 → 待省审 → 省已通过 → 已上报部; returns go to 待企业修改; 缺报 for non-reporters.
 * Written only by the report module (service and the report-review process listeners).
 */
public enum ReportState {
    DRAFT, PENDING_CITY, PENDING_PROVINCE, RETURNED, ACCEPTED, FORWARDED, MISSING;

    /** i18n key of the label: 草稿/待市审/待省审/待企业修改/省已通过/已上报部/缺报. */
    public String labelKey() {
        return "report.state." + name();
    }

    /** The enterprise may edit the figures (draft, returned to it, or missing — submittable with a late-filing grant). */
    public boolean editable() {
        return this == DRAFT || this == RETURNED || this == MISSING;
    }

    /** Counted as reported (已报) by statistics and forwarding. */
    public boolean reported() {
        return this == ACCEPTED || this == FORWARDED;
    }

    public boolean inReview() {
        return this == PENDING_CITY || this == PENDING_PROVINCE;
    }
}
