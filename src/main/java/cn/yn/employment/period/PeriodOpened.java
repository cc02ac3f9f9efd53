package cn.yn.employment.period;

/** Published when a survey period moves from 未开始 to 填报中 (OPEN). */
public record PeriodOpened(String periodCode) {
}
