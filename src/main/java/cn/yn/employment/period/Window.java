package cn.yn.employment.period;

import java.time.Instant;

/** A reporting window, start inclusive, end exclusive. */
public record Window(Instant start, Instant end) {

    public Window {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("window end must be after start");
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
