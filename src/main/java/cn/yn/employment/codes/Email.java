package cn.yn.employment.codes;

import java.util.regex.Pattern;

/** An e-mail address: a practical check (local@domain.tld, no spaces or control characters), ≤ 100 chars. */
public record Email(String value) {

    private static final Pattern PATTERN =
            Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");

    public Email {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid e-mail: " + value);
        }
    }

    public static boolean isValid(String s) {
        return s != null && s.length() <= 100 && PATTERN.matcher(s).matches();
    }
}
