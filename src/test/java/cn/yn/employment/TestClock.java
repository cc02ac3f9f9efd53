package cn.yn.employment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can move. Starts at a fixed instant (by default {@link #START}); {@link #reset()} goes back to it. */
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-03-16T02:00:00Z");

    private final Instant start;
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TestClock(ZoneId zone) {
        this(START, zone);
    }

    public TestClock(Instant start, ZoneId zone) {
        this.start = start;
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void reset() {
        now.set(start);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock c = new TestClock(start, zone);
        c.set(instant());
        return c;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
