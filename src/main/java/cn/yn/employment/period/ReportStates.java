package cn.yn.employment.period;

/** Report states as the calendar reads them (the report module owns them). */
public final class ReportStates {

    /** A report in one of these states counts as submitted (已报). */
    public static final String SUBMITTED_SQL = "('PENDING_CITY','PENDING_PROVINCE','RETURNED','ACCEPTED','FORWARDED')";

    private ReportStates() {
    }
}
