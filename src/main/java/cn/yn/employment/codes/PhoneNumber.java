package cn.yn.employment.codes;

import java.util.regex.Pattern;

/** A fixed-line (0871-12345678) or mobile (13812345678) number, docs/domain.md §3. */
public record PhoneNumber(String value) {

    private static final Pattern FIXED = Pattern.compile("^0\\d{2,3}-?\\d{7,8}$");
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

    public PhoneNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid phone: " + value);
        }
    }

    public static boolean isValid(String s) {
        return s != null && (FIXED.matcher(s).matches() || MOBILE.matcher(s).matches());
    }

    public static boolean isValidFixedLine(String s) {
        return s != null && FIXED.matcher(s).matches();
    }

    public boolean isMobile() {
        return MOBILE.matcher(value).matches();
    }
}
