package cn.yn.employment.audit;

import java.time.Instant;

/** Search criteria for the audit view; null fields are ignored. */
public record AuditQuery(String actor, String action, String targetType, String targetId, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
