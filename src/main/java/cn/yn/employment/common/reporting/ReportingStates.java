package cn.yn.employment.common.reporting;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which report states each reporting count takes (docs/domain.md §7), by the names of {@code report.ReportState}.
 * The one definition of 已报 / 已审核 / 退回: the report module derives its typed sets from these, and the counting
 * queries (statistics, 上报进度, reminders, chasing) build their SQL from them. It lives in the shared kernel because
 * {@code period} and {@code statistics} count reports but may not depend on {@code report} (which depends on them);
 * see ADR 0019.
 */
public final class ReportingStates {

    /** Every report state; a new state must be placed in (or deliberately left out of) the sets below. */
    public static final Set<String> ALL = Set.of("DRAFT", "PENDING_CITY", "PENDING_PROVINCE", "RETURNED", "ACCEPTED",
            "FORWARDED", "MISSING");

    /** 已报: submitted and not sent back — under review at the city or the province, or accepted. */
    public static final Set<String> REPORTED = Set.of("PENDING_CITY", "PENDING_PROVINCE", "ACCEPTED", "FORWARDED");

    /** 已审核: accepted by the province (and possibly forwarded to the ministry since). */
    public static final Set<String> ACCEPTED_BY_PROVINCE = Set.of("ACCEPTED", "FORWARDED");

    /** 退回: returned to the enterprise and not resubmitted yet (part of 缺报). */
    public static final Set<String> RETURNED = Set.of("RETURNED");

    private ReportingStates() {
    }

    /** The set as an SQL IN-list, {@code ('ACCEPTED','FORWARDED')}, in a stable order. */
    public static String sqlIn(Set<String> states) {
        if (states.isEmpty() || !ALL.containsAll(states)) {
            throw new IllegalArgumentException("not report states: " + states);
        }
        return new TreeSet<>(states).stream().map(s -> "'" + s + "'").collect(Collectors.joining(",", "(", ")"));
    }

    /**
     * The counted columns {@code reported}, {@code accepted}, {@code returned} as SQL sums over the state column
     * (e.g. {@code r.state}; a null state — no report row — counts in none of them).
     */
    public static String sumColumns(String stateColumn) {
        return sum(stateColumn, REPORTED) + " as reported, " + sum(stateColumn, ACCEPTED_BY_PROVINCE) + " as accepted, "
                + sum(stateColumn, RETURNED) + " as returned";
    }

    private static String sum(String column, Set<String> states) {
        return "sum(case when " + column + " in " + sqlIn(states) + " then 1 else 0 end)";
    }

    public static boolean reported(String state) {
        return state != null && REPORTED.contains(state);
    }

    public static boolean acceptedByProvince(String state) {
        return state != null && ACCEPTED_BY_PROVINCE.contains(state);
    }

    public static boolean returned(String state) {
        return state != null && RETURNED.contains(state);
    }
}
