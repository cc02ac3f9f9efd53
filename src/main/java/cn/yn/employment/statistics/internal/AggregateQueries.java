package cn.yn.employment.statistics.internal;

import cn.yn.employment.common.reporting.ReportingCounts;
import cn.yn.employment.common.reporting.ReportingStates;
import cn.yn.employment.statistics.CodeCount;
import cn.yn.employment.statistics.Comparison;
import cn.yn.employment.statistics.Dimension;
import cn.yn.employment.statistics.Figures;
import cn.yn.employment.statistics.StatisticsFilter;
import cn.yn.employment.statistics.WarningRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statistics as grouped SQL over {@code report}, {@code enterprise} and {@code layoff_warning}: the database
 * does the sums, Java only merges a few grouped rows. Portable between H2 (PostgreSQL mode) and PostgreSQL.
 * No security here: {@code StatisticsService} checks role and scope before calling.
 */
@Component
public class AggregateQueries {

    static final String ACCEPTED = ReportingStates.sqlIn(ReportingStates.ACCEPTED_BY_PROVINCE);
    /** Each report's previous-period headcount; its baseline when it has none (first period). */
    static final String PREV = "coalesce(r.previous_headcount, r.baseline_headcount)";
    static final String LOSS = "(case when " + PREV + " > r.headcount then " + PREV + " - r.headcount else 0 end)";

    private final JdbcTemplate jdbc;

    public AggregateQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** SQL condition (starting with " and") plus its arguments. */
    record Where(String sql, List<Object> args) {
        Object[] argsArray() {
            return args.toArray();
        }
    }

    /**
     * Filter on a table with the region/industry/registration columns. {@code idColumn} is the enterprise id
     * column for the "largest N excluded" condition, which is evaluated per {@code periodExpr}.
     */
    static Where where(String alias, String idColumn, StatisticsFilter f, String periodExpr, List<Object> periodArgs) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        plain(alias, f, sql, args);
        if (f.excludeLargest() > 0) {
            StringBuilder inner = new StringBuilder();
            List<Object> innerArgs = new ArrayList<>(periodArgs);
            plain("x", f, inner, innerArgs);
            sql.append(" and ").append(alias).append('.').append(idColumn).append(" not in (select x.enterprise_id from report x where x.period_code = ")
                    .append(periodExpr).append(" and x.state in ").append(ACCEPTED).append(inner)
                    .append(" order by x.headcount desc, x.enterprise_id fetch first ").append(f.excludeLargest()).append(" rows only)");
            args.addAll(innerArgs);
        }
        return new Where(sql.toString(), args);
    }

    private static void plain(String a, StatisticsFilter f, StringBuilder sql, List<Object> args) {
        add(a, "city_code", f.cityCode(), sql, args);
        add(a, "county_code", f.countyCode(), sql, args);
        add(a, "industry_section", f.industrySection(), sql, args);
        add(a, "industry_division", f.industryDivision(), sql, args);
        add(a, "registration_type", f.registrationType(), sql, args);
    }

    private static void add(String alias, String column, String value, StringBuilder sql, List<Object> args) {
        if (value != null) {
            sql.append(" and ").append(alias).append('.').append(column).append(" = ?");
            args.add(value);
        }
    }

    /**
     * Per group and report state, plain sums without any state test per row: the database evaluates each
     * expression once per row instead of once per figure (the single-level form tested the state a dozen times a
     * row, which was most of a 24-period trend's time). {@link #mergeState} folds the states into {@link Sums}.
     */
    private static final String STATE_SUMS = """
            r.state as st, count(*) as n,
            sum(r.baseline_headcount) as sb,
            sum(r.headcount) as se,
            sum(%1$s) as sp,
            sum(case when r.headcount > r.baseline_headcount then 1 else 0 end) as rose,
            sum(case when r.headcount > r.baseline_headcount then r.headcount - r.baseline_headcount else 0 end) as rose_by,
            sum(case when r.headcount < r.baseline_headcount then 1 else 0 end) as fell,
            sum(case when r.headcount < r.baseline_headcount then r.baseline_headcount - r.headcount else 0 end) as fell_by,
            sum(case when r.headcount = r.baseline_headcount then 1 else 0 end) as unchanged,
            sum(%2$s) as lost
            """.formatted(PREV, LOSS);

    /** Adds one (group, state) row of {@link #STATE_SUMS} to the group's sums, as a sum per figure with a state test per row would. */
    private static Sums mergeState(Sums acc, ResultSet rs) throws SQLException {
        String st = rs.getString("st");
        long n = rs.getLong("n");
        Sums a = acc == null ? Sums.ZERO : acc;
        long reported = a.reported() + (ReportingStates.reported(st) ? n : 0);
        long returned = a.returned() + (ReportingStates.returned(st) ? n : 0);
        if (!ReportingStates.acceptedByProvince(st)) {
            return new Sums(a.dueRows() + n, reported, a.accepted(), returned, a.sb(), a.se(),
                    a.sp(), a.rose(), a.roseBy(), a.fell(), a.fellBy(), a.unchanged(), a.lost());
        }
        // headcounts are over accepted reports only
        return new Sums(a.dueRows() + n, reported, a.accepted() + n, returned, a.sb() + rs.getLong("sb"),
                a.se() + rs.getLong("se"), a.sp() + rs.getLong("sp"), a.rose() + rs.getLong("rose"), a.roseBy() + rs.getLong("rose_by"),
                a.fell() + rs.getLong("fell"), a.fellBy() + rs.getLong("fell_by"), a.unchanged() + rs.getLong("unchanged"),
                a.lost() + rs.getLong("lost"));
    }

    private record Sums(long dueRows, long reported, long accepted, long returned, long sb, long se, long sp,
                        long rose, long roseBy, long fell, long fellBy, long unchanged, long lost) {
        static final Sums ZERO = new Sums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** {@code unreported}: filed enterprises without a report row, which 应报 counts too. */
        Figures figures(String key, long monitored, long unreported) {
            return new Figures(key, monitored, ReportingCounts.of(dueRows + unreported, reported, accepted, returned), sb, se, sp,
                    rose, roseBy, fell, fellBy, unchanged, lost);
        }
    }

    /** Figures of the whole filtered scope for a period. */
    public Figures figures(String period, StatisticsFilter f) {
        Map<String, Figures> m = grouped(period, f, null);
        return m.getOrDefault("*", Sums.ZERO.figures(null, 0, 0));
    }

    /** Figures per value of a dimension (groups with neither enterprises nor reports are absent). */
    public List<Figures> breakdown(String period, StatisticsFilter f, Dimension d) {
        return new ArrayList<>(grouped(period, f, d).values());
    }

    private Map<String, Figures> grouped(String period, StatisticsFilter f, Dimension d) {
        String groupR = d == null ? "'*'" : "r." + d.column();
        String groupE = d == null ? "'*'" : "e." + d.column();
        String groupBy = d == null ? "" : " group by " + groupR;
        String groupByE = d == null ? "" : " group by " + groupE;

        Where wr = where("r", "enterprise_id", f, "?", List.of(period));
        List<Object> args = new ArrayList<>();
        args.add(period);
        args.addAll(wr.args());
        Map<String, Sums> sums = new LinkedHashMap<>();
        jdbc.query("select " + groupR + " as k, " + STATE_SUMS + " from report r where r.period_code = ?" + wr.sql()
                        + (d == null ? " group by r.state" : groupBy + ", r.state"),
                rs -> {
                    String k = key(rs.getString("k"));
                    sums.put(k, mergeState(sums.get(k), rs));
                }, args.toArray());

        Where we = where("e", "id", f, "?", List.of(period));
        Map<String, Long> monitored = new HashMap<>();
        jdbc.query("select " + groupE + " as k, count(*) as n from enterprise e where e.filing_state = 'FILED'" + we.sql() + groupByE,
                rs -> {
                    monitored.put(key(rs.getString("k")), rs.getLong("n"));
                }, we.argsArray());

        // filed enterprises with no report row for the period (and filed before the period's window closed)
        List<Object> uArgs = new ArrayList<>(we.args());
        uArgs.add(period);
        uArgs.add(period);
        Map<String, Long> unreported = new HashMap<>();
        jdbc.query("select " + groupE + " as k, count(*) as n from enterprise e where e.filing_state = 'FILED'" + we.sql()
                        + " and not exists (select 1 from report x where x.enterprise_id = e.id and x.period_code = ?)"
                        + " and not exists (select 1 from survey_period sp where sp.code = ? and e.filed_at is not null and sp.window_end < e.filed_at)"
                        + groupByE,
                rs -> {
                    unreported.put(key(rs.getString("k")), rs.getLong("n"));
                }, uArgs.toArray());

        java.util.TreeMap<String, Figures> out = new java.util.TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(sums.keySet());
        keys.addAll(monitored.keySet());
        for (String k : keys) {
            Sums s = sums.getOrDefault(k, Sums.ZERO);
            out.put(k, s.figures(k.equals("*") ? null : k.isEmpty() ? null : k, monitored.getOrDefault(k, 0L), unreported.getOrDefault(k, 0L)));
        }
        return out;
    }

    private static String key(String k) {
        return k == null ? "" : k;
    }

    /** Figures per period for the {@code periods} given (ascending). Monitored is -1, due counts report rows only. */
    public List<Figures> trend(List<String> periods, StatisticsFilter f) {
        if (periods.isEmpty()) {
            return List.of();
        }
        String first = periods.get(0);
        String last = periods.get(periods.size() - 1);
        Where wr = where("r", "enterprise_id", f, "r.period_code", List.of());
        List<Object> args = new ArrayList<>(List.of(first, last));
        args.addAll(wr.args());
        Map<String, Sums> byPeriod = new HashMap<>();
        jdbc.query("select r.period_code as k, " + STATE_SUMS + " from report r where r.period_code between ? and ?" + wr.sql()
                        + " group by r.period_code, r.state",
                rs -> {
                    String k = rs.getString("k");
                    byPeriod.put(k, mergeState(byPeriod.get(k), rs));
                }, args.toArray());
        List<Figures> out = new ArrayList<>();
        for (String p : periods) {
            out.add(byPeriod.getOrDefault(p, Sums.ZERO).figures(p, -1, 0));
        }
        return out;
    }

    /** Matched comparison of the period with another one (环比 / 同比). */
    public Comparison compare(String period, String other, StatisticsFilter f) {
        Where wr = where("r", "enterprise_id", f, "?", List.of(period));
        List<Object> args = new ArrayList<>(List.of(other, period));
        args.addAll(wr.args());
        return jdbc.queryForObject("select count(*) as n, coalesce(sum(r.headcount), 0) as cur, coalesce(sum(o.headcount), 0) as prev"
                        + " from report r join report o on o.enterprise_id = r.enterprise_id and o.period_code = ? and o.state in " + ACCEPTED
                        + " where r.period_code = ? and r.state in " + ACCEPTED + wr.sql(),
                (rs, n) -> new Comparison(other, rs.getLong("n"), rs.getLong("cur"), rs.getLong("prev")), args.toArray());
    }

    /**
     * For each period of {@code periods}, its matched comparison with the period before it (可比口径: enterprises
     * accepted in both), in one query: the (period, previous) pairs are a derived table.
     */
    public List<Comparison> comparePrevious(List<String> periods, java.util.function.UnaryOperator<String> previous,
                                            StatisticsFilter f) {
        if (periods.isEmpty()) {
            return List.of();
        }
        StringBuilder pairs = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (String p : periods) {
            pairs.append(pairs.length() == 0 ? "" : " union all ").append("select cast(? as varchar(7)) as p, cast(? as varchar(7)) as prev");
            args.add(p);
            args.add(previous.apply(p));
        }
        Where wr = where("r", "enterprise_id", f, "r.period_code", List.of());
        args.addAll(wr.args());
        Map<String, Comparison> found = new HashMap<>();
        jdbc.query("select pp.p as k, min(pp.prev) as prev, count(*) as n, coalesce(sum(r.headcount), 0) as cur,"
                        + " coalesce(sum(o.headcount), 0) as before from (" + pairs + ") pp"
                        + " join report r on r.period_code = pp.p and r.state in " + ACCEPTED
                        + " join report o on o.enterprise_id = r.enterprise_id and o.period_code = pp.prev and o.state in " + ACCEPTED
                        + " where 1 = 1" + wr.sql() + " group by pp.p",
                rs -> {
                    found.put(rs.getString("k"), new Comparison(rs.getString("prev"), rs.getLong("n"), rs.getLong("cur"),
                            rs.getLong("before")));
                }, args.toArray());
        List<Comparison> out = new ArrayList<>();
        for (String p : periods) {
            out.add(found.getOrDefault(p, new Comparison(previous.apply(p), 0, 0, 0)));
        }
        return out;
    }

    /** Reduction types of accepted reports: enterprises and persons reduced. */
    public List<CodeCount> reductionTypes(String period, StatisticsFilter f, Function<String, String> names) {
        Where wr = where("r", "enterprise_id", f, "?", List.of(period));
        List<Object> args = new ArrayList<>(List.of(period));
        args.addAll(wr.args());
        return jdbc.query("select r.reduction_type as code, count(*) as n, sum(" + LOSS + ") as persons from report r"
                        + " where r.period_code = ? and r.state in " + ACCEPTED + " and r.reduction_type is not null" + wr.sql()
                        + " group by r.reduction_type order by r.reduction_type",
                (rs, i) -> new CodeCount(rs.getString("code"), names.apply(rs.getString("code")), rs.getLong("n"), rs.getLong("persons")),
                args.toArray());
    }

    /**
     * Reduction reasons (up to three per report): enterprises citing each reason and the persons those
     * enterprises reduced (an enterprise citing two reasons counts under both).
     */
    public List<CodeCount> reductionReasons(String period, StatisticsFilter f, Function<String, String> names) {
        Where wr = where("r", "enterprise_id", f, "?", List.of(period));
        StringBuilder sql = new StringBuilder("select t.code, count(distinct t.enterprise_id) as n, sum(t.persons) as persons from (");
        List<Object> args = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            if (i > 1) {
                sql.append(" union all ");
            }
            sql.append("select r.enterprise_id, r.reason").append(i).append("_code as code, ").append(LOSS)
                    .append(" as persons from report r where r.period_code = ? and r.state in ").append(ACCEPTED)
                    .append(" and r.reason").append(i).append("_code is not null").append(wr.sql());
            args.add(period);
            args.addAll(wr.args());
        }
        sql.append(") t group by t.code order by t.code");
        return jdbc.query(sql.toString(),
                (rs, i) -> new CodeCount(rs.getString("code"), names.apply(rs.getString("code")), rs.getLong("n"), rs.getLong("persons")),
                args.toArray());
    }

    /** Layoff warnings per level: enterprises and persons decreased. */
    public List<CodeCount> warningLevels(String period, StatisticsFilter f) {
        Where wr = where("r", "enterprise_id", f, "?", List.of(period));
        List<Object> args = new ArrayList<>(List.of(period));
        args.addAll(wr.args());
        return jdbc.query("select w.level as code, count(*) as n, sum(w.decrease) as persons from layoff_warning w"
                        + " join report r on r.id = w.report_id where w.period_code = ?" + wr.sql()
                        + " group by w.level order by w.level",
                (rs, i) -> new CodeCount(rs.getString("code"), rs.getString("code"), rs.getLong("n"), rs.getLong("persons")),
                args.toArray());
    }

    /** The warnings of a period, largest decrease first (at most {@code limit}). */
    public List<WarningRow> warnings(String period, StatisticsFilter f, int limit) {
        Where wr = where("r", "enterprise_id", f, "?", List.of(period));
        List<Object> args = new ArrayList<>(List.of(period));
        args.addAll(wr.args());
        return jdbc.query("select w.enterprise_id, e.name, w.city_code, w.county_code, w.level, w.previous_headcount, w.headcount,"
                        + " w.decrease, w.decrease_rate from layoff_warning w join report r on r.id = w.report_id"
                        + " join enterprise e on e.id = w.enterprise_id where w.period_code = ?" + wr.sql()
                        + " order by w.decrease desc, w.enterprise_id fetch first " + Math.max(1, limit) + " rows only",
                (rs, i) -> new WarningRow(rs.getLong("enterprise_id"), rs.getString("name"), rs.getString("city_code"),
                        rs.getString("county_code"), rs.getString("level"), rs.getLong("previous_headcount"),
                        rs.getLong("headcount"), rs.getLong("decrease"), rs.getBigDecimal("decrease_rate")),
                args.toArray());
    }

    /** The newest period with accepted reports, if any. */
    public java.util.Optional<String> latestReported() {
        return jdbc.queryForList("select max(period_code) from report where state in " + ACCEPTED, String.class).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** Period codes that have reports or are scheduled, newest first. */
    public List<String> periods() {
        return jdbc.queryForList("select code from (select distinct period_code as code from report union select code from survey_period) t"
                + " order by code desc", String.class);
    }
}
