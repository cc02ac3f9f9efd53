package cn.yn.employment.period.ui;

import cn.yn.employment.period.internal.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import cn.yn.employment.common.time.TimeConfig;

/** View helpers: instants shown and edited in business time. */
final class Fmt {

    private Fmt() {
    }

    static String time(Instant i) {
        return Times.format(i);
    }

    static LocalDateTime local(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i, TimeConfig.ZONE);
    }

    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(TimeConfig.ZONE).toInstant();
    }

    static String percent(double d) {
        return String.format("%.1f%%", d * 100);
    }
}
