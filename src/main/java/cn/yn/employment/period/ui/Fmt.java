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

    /** A rate (fraction) as a percentage with two decimals, as the statistics show it; "—" when nothing is due. */
    static String percent(java.math.BigDecimal fraction) {
        return fraction == null ? "—" : fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Today's business date (yyyy-MM-dd), what figures are "as of". */
    static String date(java.time.Clock clock) {
        return java.time.LocalDate.now(clock.withZone(TimeConfig.ZONE)).toString();
    }
}
