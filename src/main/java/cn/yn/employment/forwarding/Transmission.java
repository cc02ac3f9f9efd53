package cn.yn.employment.forwarding;

import java.time.Instant;

/** One delivery attempt of a package through the ministry gateway (outcome SENT or FAILED). */
public record Transmission(long id, long packageId, String fileName, int attempt, String outcome, String gateway,
                           String location, String detail, Instant attemptedAt, String attemptedBy) {
}
