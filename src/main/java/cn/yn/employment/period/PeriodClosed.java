package cn.yn.employment.period;

/**
 * Published (Spring application event) when a survey period closes (已截止): every enterprise without a submitted
 * report is then marked 缺报. The calendar's close job publishes it from the transaction that sets the period to
 * CLOSED. Listeners: statistics generates and archives the period's PDF pack.
 */
public record PeriodClosed(String periodCode) {
}
