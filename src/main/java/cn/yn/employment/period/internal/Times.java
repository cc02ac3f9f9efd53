package cn.yn.employment.period.internal;

import cn.yn.employment.common.time.BusinessTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Business-time formatting (Asia/Shanghai). */
public final class Times {

    public static final DateTimeFormatter MINUTES = BusinessTime.MINUTES;

    private Times() {
    }

    public static String format(Instant i) {
        return i == null ? "" : MINUTES.format(i);
    }
}
