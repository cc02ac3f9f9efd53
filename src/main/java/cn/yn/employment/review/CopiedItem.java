package cn.yn.employment.review;

import java.time.Instant;

/** One 抄送 as its recipient sees it under 抄送我的: which item, from whom, why, and whether it has been read. */
public record CopiedItem(long id, String taskId, String processInstanceId, String kind, long subjectId, String periodCode,
                         String cityCode, String enterpriseName, String uscc, String taskKey, String fromUsername,
                         String fromName, String toUsername, String reason, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
