package cn.yn.employment.common.time;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** How the product writes a moment for people: business zone (Asia/Shanghai), to the minute or to the second. */
public final class BusinessTime {

    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfig.ZONE);
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfig.ZONE);

    private BusinessTime() {
    }

    /** {@code yyyy-MM-dd HH:mm}, or "" for null. */
    public static String minutes(Instant i) {
        return i == null ? "" : MINUTES.format(i);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, or "" for null. */
    public static String seconds(Instant i) {
        return i == null ? "" : SECONDS.format(i);
    }
}
