package cn.yn.employment.review;

import java.time.Instant;

/**
 * One event in a subject's history. {@code type}: SUBMITTED, RESUBMITTED, APPROVED, RETURNED, COMMENT, PENDING
 * (waiting at a step now). {@code step} is the task key (cityReview, provinceReview, ...) when there is one.
 */
public record TimelineEntry(Instant at, String type, String actor, String step, String returnTo, String comment) {
}
