package cn.yn.employment.period;

import java.time.Instant;

/** One chase of one enterprise: who, when, to which addresses, with which outcome per channel. */
public record ChaseLogEntry(long id, String periodCode, long enterpriseId, String enterpriseName, String chasedBy,
                           Instant chasedAt, String recipients, String outcome) {
}
