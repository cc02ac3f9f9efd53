package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.time.BusinessTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

final class Formats {

    private static final DateTimeFormatter DATE_TIME = BusinessTime.SECONDS;

    private Formats() {
    }

    static String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i);
    }
}
