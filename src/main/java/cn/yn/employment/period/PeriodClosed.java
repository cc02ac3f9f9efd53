package cn.yn.employment.period;

/**
 * Published (as a Spring application event, after the closing transaction commits) when a survey period moves to
 * 已截止 (CLOSED): every enterprise without a submitted report is then marked 缺报. Listeners: statistics (archive).
 */
public record PeriodClosed(String periodCode) {
}
