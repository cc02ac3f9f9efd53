package cn.yn.employment.statistics;

import java.math.BigDecimal;

/** One layoff warning of a period (裁员预警). */
public record WarningRow(long enterpriseId, String enterpriseName, String cityCode, String countyCode, String level,
                         long previousHeadcount, long headcount, long decrease, BigDecimal decreaseRate) {
}
