package cn.yn.employment.review;

import java.time.Instant;
import java.util.Objects;

/** Keyset position in an inbox list: the last row's sort instant and task id. */
public record Cursor(Instant at, String taskId) {

    public Cursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(taskId, "taskId");
    }
}
