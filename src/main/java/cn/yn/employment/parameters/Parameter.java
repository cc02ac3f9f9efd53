package cn.yn.employment.parameters;

/**
 * The system parameters an administrator may change, with type, default and bounds. The label is the i18n key
 * {@code parameters.<key>}.
 */
public enum Parameter {
    SOFT_CHANGE_RATE_PERCENT("report.soft.changeRatePercent", ValueType.INTEGER, "20", "1", "100"),
    SOFT_BASELINE_MULTIPLE("report.soft.baselineMultiple", ValueType.DECIMAL, "2", "1", "100"),
    SOFT_UNCHANGED_PERIODS("report.soft.unchangedPeriods", ValueType.INTEGER, "6", "2", "24"),
    LAYOFF_ABSOLUTE_DECREASE("layoff.absoluteDecrease", ValueType.INTEGER, "20", "1", "100000"),
    LAYOFF_RATE_PERCENT("layoff.ratePercent", ValueType.INTEGER, "10", "1", "100"),
    LAYOFF_SEVERE_RATE_PERCENT("layoff.severeRatePercent", ValueType.INTEGER, "20", "1", "100"),
    WINDOW_START_DAY("period.window.startDay", ValueType.INTEGER, "1", "1", "28"),
    WINDOW_END_DAY("period.window.endDay", ValueType.INTEGER, "11", "2", "28"),
    REMINDER_OFFSETS_DAYS("period.reminder.offsetsDays", ValueType.STRING, "3,1", null, null),
    LATE_FILING_DEFAULT_HOURS("lateFiling.defaultHours", ValueType.INTEGER, "72", "1", "168"),
    LATE_FILING_MAX_DAYS("lateFiling.maxDays", ValueType.INTEGER, "7", "1", "30"),
    REVIEW_SLA_WORKING_DAYS("review.sla.workingDays", ValueType.INTEGER, "3", "1", "30"),
    /** Public holidays (days or ranges, e.g. {@code 2027-10-01..2027-10-07}); blank = none. */
    CALENDAR_HOLIDAYS("calendar.holidays", ValueType.DATES, "", null, null),
    /** Weekend days that are working days (调休). */
    CALENDAR_EXTRA_WORKDAYS("calendar.extraWorkdays", ValueType.DATES, "", null, null),
    // bounds for process models deployed from the process editor (runaway timers and loops)
    PROCESS_TIMER_MIN_INTERVAL_MINUTES("process.timer.minIntervalMinutes", ValueType.INTEGER, "60", "1", "10080"),
    PROCESS_TIMER_MAX_REPETITIONS("process.timer.maxRepetitions", ValueType.INTEGER, "30", "1", "1000"),
    PROCESS_LOOP_MAX_CARDINALITY("process.loop.maxCardinality", ValueType.INTEGER, "20", "1", "1000"),
    CHASE_MIN_INTERVAL_MINUTES("chase.minIntervalMinutes", ValueType.INTEGER, "10", "0", "1440"),
    OUTBOX_MAX_ATTEMPTS("notice.outbox.maxAttempts", ValueType.INTEGER, "10", "1", "30");

    private final String key;
    private final ValueType type;
    private final String defaultValue;
    private final String min;
    private final String max;

    Parameter(String key, ValueType type, String defaultValue, String min, String max) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
    }

    public String key() { return key; }
    public ValueType type() { return type; }
    public String defaultValue() { return defaultValue; }
    public String min() { return min; }
    public String max() { return max; }

    public static Parameter byKey(String key) {
        for (Parameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown parameter " + key);
    }

    /** DATES: a list of days and ranges as {@link cn.yn.employment.common.time.WorkingDays#parseDates} reads it. */
    public enum ValueType { INTEGER, DECIMAL, BOOLEAN, STRING, DATES }
}
