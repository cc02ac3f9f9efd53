package cn.yn.employment.period;

/** docs/domain.md §4: 未开始 → 填报中 → 已截止 → 已上报部 → 已归档. The label is the i18n key {@link #labelKey()}. */
public enum PeriodState {
    SCHEDULED, OPEN, CLOSED, FORWARDED, ARCHIVED;

    public String labelKey() {
        return "period.state." + name();
    }

    /** Whether submissions may happen in this state at all (the window decides the rest). */
    public boolean acceptsSubmissions() {
        return this == SCHEDULED || this == OPEN;
    }
}
