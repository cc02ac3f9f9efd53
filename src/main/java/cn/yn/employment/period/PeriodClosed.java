package cn.yn.employment.period;

/**
 * Published (Spring application event) when a survey period closes. Listeners: statistics generates and
 * archives the period's PDF pack. Publish it from the transaction that sets the period to CLOSED.
 */
public record PeriodClosed(String periodCode) {
}
