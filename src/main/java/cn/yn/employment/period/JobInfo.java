package cn.yn.employment.period;

import java.time.Instant;

/** A job as the admin view shows it: schedule and the last run's outcome. */
public record JobInfo(CalendarJob job, Instant nextFire, Instant lastFired, Instant lastFinished, String lastOutcome,
                      String lastMessage, int triggers) {
}
