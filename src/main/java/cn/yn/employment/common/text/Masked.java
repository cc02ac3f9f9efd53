package cn.yn.employment.common.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data as it may appear in logs (issue 14, S5: no PII in logs): a mobile number keeps its first three and
 * last four digits ({@code 138****5678}), an e-mail address its first character and its domain
 * ({@code z***@example.com}), an 18-character identity-card number its first six and last four characters. {@link #text}
 * masks every one of them inside free text (a mail server's error message, an SMS body).
 */
public final class Masked {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    private Masked() {
    }

    /** A phone number for a log line: {@code 138****5678}; anything else shorter than 7 characters as {@code ***}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.trim();
        return p.length() < 7 ? "***" : p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }

    /** An e-mail address for a log line: {@code z***@example.com}. */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        int at = a.lastIndexOf('@');
        return at <= 0 ? "***" : a.charAt(0) + "***" + a.substring(at);
    }

    /** Free text with every mobile number, e-mail address and identity-card number in it masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String out = replace(ID_CARD, text, m -> m.group(1) + "********" + m.group(2));
        out = replace(MOBILE, out, m -> m.group(1) + "****" + m.group(2));
        return replace(EMAIL, out, m -> m.group(1) + "***@" + m.group(2));
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
