package cn.yn.employment.common.reporting;

import java.math.BigDecimal;

/**
 * Something that carries the reporting counts of an area or a period (a progress row, a statistics figure) and reads
 * them by name: 应报, 已报 (submitted and not sent back), 已审核 (accepted by the province), 缺报 = 应报 − 已报,
 * 退回 (part of 缺报), and the two rates — the one definition of docs/domain.md §7.
 */
public interface HasReportingCounts {

    ReportingCounts counts();

    default long due() {
        return counts().due();
    }

    default long reported() {
        return counts().reported();
    }

    default long accepted() {
        return counts().accepted();
    }

    default long missing() {
        return counts().missing();
    }

    default long returned() {
        return counts().returned();
    }

    default BigDecimal submissionRate() {
        return counts().submissionRate();
    }

    default BigDecimal reviewRate() {
        return counts().reviewRate();
    }
}
