package cn.yn.employment.report;

import java.util.List;

/**
 * A soft validation warning (docs/domain.md §5): the enterprise may submit only with a written explanation.
 * Codes: {@code CHANGE_RATE}, {@code ABOVE_BASELINE}, {@code UNCHANGED}, {@code BALANCE}. The message is the i18n
 * key {@code report.warning.<code>} with {@link #args()}.
 */
public record SoftWarning(String code, List<String> args) {

    public static final String CHANGE_RATE = "CHANGE_RATE";
    public static final String ABOVE_BASELINE = "ABOVE_BASELINE";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String BALANCE = "BALANCE";

    public SoftWarning {
        args = List.copyOf(args);
    }

    public String messageKey() {
        return "report.warning." + code;
    }
}
