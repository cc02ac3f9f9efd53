package cn.yn.employment.enterprise;

import java.time.Instant;

/** One filing request with its proposed values, as the enterprise and reviewers see it. */
public record FilingRequestView(long id, long enterpriseId, RequestKind kind, RequestState state, FilingData data,
                                String orgCode, String cityCode, String industrySection, String processInstanceId,
                                Instant submittedAt, String submittedBy, int submitCount, Instant decidedAt,
                                String returnReason, String returnedBy, Instant updatedAt, int version) {
}
