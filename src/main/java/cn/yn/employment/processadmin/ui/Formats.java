package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.time.TimeConfig;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfig.ZONE);

    private Formats() {
    }

    static String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i);
    }
}
