package cn.yn.employment.review;

import java.time.Instant;

/**
 * One row of a reviewer inbox: an open reviewer task (待办, {@code done == false}) or a completed one (已办,
 * {@code done == true}, with who decided what and when). While an item is delegated (委派), {@code claimedBy} is the
 * delegate and {@code owner} the reviewer it comes back to.
 */
public record WorkItem(
        String taskId,
        String processInstanceId,
        String kind,
        long subjectId,
        String periodCode,
        String cityCode,
        String countyCode,
        String industryDivision,
        Long enterpriseId,
        String enterpriseName,
        String uscc,
        String taskKey,
        String candidateGroup,
        String state,
        boolean hasWarnings,
        Instant submittedAt,
        Instant dueAt,
        boolean overdue,
        String claimedBy,
        String owner,
        boolean delegated,
        boolean returnedByProvince,
        String returnComment,
        boolean done,
        String completedBy,
        String decision,
        String returnTo,
        String comment,
        Instant completedAt) {

    /** The instant the inbox sorts and pages on: submission time for open items, completion time for done ones. */
    public Instant sortInstant() {
        return done ? completedAt : submittedAt;
    }

    public Cursor cursor() {
        return new Cursor(sortInstant(), taskId);
    }

    public boolean isProvinceTask() {
        return "province".equals(candidateGroup);
    }
}
