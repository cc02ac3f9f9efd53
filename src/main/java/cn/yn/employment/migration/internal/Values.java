package cn.yn.employment.migration.internal;

import cn.yn.employment.common.time.TimeConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleaning of the values legacy exports contain: full-width digits, thousands separators, Chinese dates. */
final class Values {

    private static final Pattern PERIOD = Pattern.compile("^(\\d{4})\\s*(?:-|/|\\.|年)?\\s*(\\d{1,2})\\s*月?$");
    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.BASIC_ISO_DATE);

    private Values() {
    }

    /** A cleaned whole number and whether cleaning changed the text; {@code value} null when it is no number. */
    record Number(Long value, boolean normalised) {
    }

    /** Full-width characters (０-９, ，, －) to ASCII; the ideographic space to a space. */
    static String halfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** "1,234", "１２３４", " 1 234 " → 1234 (normalised); "12.5", "abc" → null. */
    static Number integer(String raw) {
        String s = halfWidth(raw).strip();
        String digits = s.replace(",", "").replace(" ", "").replace("'", "");
        if (!digits.matches("^-?\\d{1,12}$")) {
            // "12.0" as written by some spreadsheets
            if (digits.matches("^-?\\d{1,12}\\.0+$")) {
                return new Number(Long.parseLong(digits.substring(0, digits.indexOf('.'))), true);
            }
            return new Number(null, false);
        }
        return new Number(Long.parseLong(digits), !digits.equals(raw.strip()));
    }

    /** "2024-03", "2024/3", "202403", "2024年3月", "2024.03" → 2024-03; null when no month. */
    static String period(String raw) {
        String s = halfWidth(raw).strip();
        if (s.matches("^\\d{6}$")) {
            s = s.substring(0, 4) + "-" + s.substring(4);
        }
        Matcher m = PERIOD.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), month).toString();
    }

    /** A timestamp in Beijing time ("2024-04-08 10:21:00", "2024/4/8 10:21", or a date: 00:00); null when unreadable. */
    static Instant instant(String raw) {
        String s = halfWidth(raw).strip();
        for (DateTimeFormatter f : TIMES) {
            try {
                return LocalDateTime.parse(s, f).atZone(TimeConfig.ZONE).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(TimeConfig.ZONE).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
