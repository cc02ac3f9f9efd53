package cn.yn.employment.forwarding;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The exchange layout's timestamps as the tests expect them: ISO-8601 with the +08:00 offset. */
final class ExchangeTimestamps {

    private ExchangeTimestamps() {
    }

    static String of(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
