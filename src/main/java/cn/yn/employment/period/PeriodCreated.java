package cn.yn.employment.period;

/**
 * A period was created (published in the creating transaction, whose state already follows the clock): the
 * calendar plans its Quartz triggers after the commit, whoever created it (view, API, test, generator).
 */
public record PeriodCreated(String periodCode) {
}
