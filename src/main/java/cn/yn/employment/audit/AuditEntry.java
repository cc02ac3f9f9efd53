package cn.yn.employment.audit;

import java.time.Instant;

/** One audit row as read back for display and export. */
public record AuditEntry(long id, Long seq, Instant occurredAt, String actor, String action, String targetType,
                         String targetId, String beforeJson, String afterJson, String clientAddress, boolean sealed) {
}
