package cn.yn.employment.review;

import java.time.Instant;

/**
 * One event in a subject's history. {@code type}: SUBMITTED, RESUBMITTED, APPROVED, RETURNED, COMMENT, PENDING
 * (waiting at a step now), TRANSFERRED, DELEGATED, RESOLVED, COPIED. {@code step} is the task key (cityReview,
 * provinceReview, ...) when there is one. {@code actor} is a username, {@code actorName} the person's name and unit
 * ("王强 · 昆明市", or the username when no account has it); {@code target}/{@code targetName} the colleague an item
 * was handed or copied to.
 */
public record TimelineEntry(Instant at, String type, String actor, String actorName, String step, String returnTo,
                            String comment, String target, String targetName) {

    public TimelineEntry(Instant at, String type, String actor, String step, String returnTo, String comment) {
        this(at, type, actor, null, step, returnTo, comment, null, null);
    }

    TimelineEntry withNames(String actorName, String targetName) {
        return new TimelineEntry(at, type, actor, actorName, step, returnTo, comment, target, targetName);
    }
}
