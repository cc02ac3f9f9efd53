package cn.yn.employment.enterprise;

import java.time.Instant;

/** One approved filing of an enterprise; older versions are the history of its changes. */
public record FilingVersionView(long enterpriseId, int versionNo, long requestId, RequestKind kind, FilingData data,
                                String orgCode, String cityCode, String industrySection, Instant approvedAt,
                                String approvedBy) {
}
