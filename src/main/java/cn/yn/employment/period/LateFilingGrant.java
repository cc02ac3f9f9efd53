package cn.yn.employment.period;

import java.time.Instant;

/** A late-filing grant (补报授权): the enterprise may submit the period's report until {@code expiresAt}. */
public record LateFilingGrant(long id, String periodCode, long enterpriseId, String enterpriseName, String cityCode,
                              String grantedBy, Instant grantedAt, Instant expiresAt, String reason, State state) {

    public enum State { ACTIVE, EXPIRED, REVOKED }

    public boolean activeAt(Instant at) {
        return state == State.ACTIVE && !at.isBefore(grantedAt) && at.isBefore(expiresAt);
    }
}
