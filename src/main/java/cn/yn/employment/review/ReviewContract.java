package cn.yn.employment.review;

/**
 * The review contract every review chain (report-review, enterprise-filing) keeps with the review module: the
 * process variables a chain instance carries, the variables a reviewer's completion sets, and the candidate groups.
 * docs/development.md "The review contract" describes it in prose; this class is the one copy in code.
 */
public final class ReviewContract {

    // carried by every chain instance (the inbox projection reads them)
    public static final String KIND = "kind";
    public static final String SUBJECT_ID = "subjectId";
    public static final String ENTERPRISE_ID = "enterpriseId";
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String USCC = "uscc";
    public static final String CITY_CODE = "cityCode";
    public static final String COUNTY_CODE = "countyCode";
    public static final String INDUSTRY_DIVISION = "industryDivision";
    public static final String PERIOD_CODE = "periodCode";
    public static final String HAS_WARNINGS = "hasWarnings";
    /** When the enterprise (re)submitted: set by the owning module on every submission; the inbox sorts on it. */
    public static final String SUBMITTED_AT = "submittedAt";

    // set by a reviewer's completion (Decision, ReturnTo, reason)
    public static final String DECISION = "decision";
    public static final String RETURN_TO = "returnTo";
    public static final String COMMENT = "comment";
    /** {@code returnTo} after an approval: gateways test {@code returnTo == 'CITY'} and must find a value. */
    public static final String RETURN_TO_NONE = "NONE";

    public static final String CITY_GROUP_PREFIX = "city:";
    public static final String PROVINCE_GROUP = "province";
    public static final int MAX_COMMENT = 1000;

    private ReviewContract() {
    }
}
