package cn.yn.employment.enterprise;

/** State of one filing request (column {@code enterprise_filing_request.state}). */
public enum RequestState {
    DRAFT, PENDING_CITY, PENDING_PROVINCE, RETURNED, APPROVED;

    /** The enterprise may edit the request: a draft, or returned for revision. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    public boolean open() {
        return this != APPROVED;
    }
}
