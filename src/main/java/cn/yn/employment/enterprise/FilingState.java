package cn.yn.employment.enterprise;

/** An enterprise's filing state (column {@code enterprise.filing_state}). Only a {@link #FILED} enterprise reports. */
public enum FilingState {
    /** Registered, filing not yet submitted. */
    DRAFT,
    PENDING_CITY,
    PENDING_PROVINCE,
    /** The first filing was returned to the enterprise for revision. */
    RETURNED,
    /** Approved by city and province. Stays FILED while a change request is under review. */
    FILED
}
