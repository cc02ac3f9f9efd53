package cn.yn.employment.statistics.internal;

import cn.yn.employment.statistics.Comparison;
import cn.yn.employment.statistics.StatisticsFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trend's 较上期增减 on the comparable basis (可比口径) from frozen cells (docs/adr/0033): per (period, previous
 * period) pair, the matched enterprises and both headcounts grouped by every column a {@link StatisticsFilter} can
 * restrict, so a filter without "largest N excluded" is a sum over cells instead of a join of two periods' reports.
 * Each pair row carries the fingerprint of both periods' accepted reports it was computed from; a read whose
 * fingerprint differs (late acceptance, correction, reopened period) recomputes that pair, so nothing has to
 * invalidate the cells. Whatever cannot be served from fresh cells is computed live by {@link AggregateQueries}.
 */
@Component
public class ComparisonCells {

    /** {@code false}: every comparison live, as before the cells (an operator's switch, read on each call). */
    public static final String ENABLED = "app.statistics.frozen-comparisons";

    private static final Logger log = LoggerFactory.getLogger(ComparisonCells.class);
    private static final String ACCEPTED = AggregateQueries.ACCEPTED;
    private static final String DIMENSIONS = "city_code, county_code, industry_section, industry_division, registration_type";

    private final JdbcTemplate jdbc;
    private final AggregateQueries queries;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Environment env;

    ComparisonCells(JdbcTemplate jdbc, AggregateQueries queries, PlatformTransactionManager txManager, Clock clock,
                    Environment env) {
        this.jdbc = jdbc;
        this.queries = queries;
        // the statistics read in a read-only transaction; the cells are written in one of their own
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.env = env;
    }

    /**
     * What one period's accepted reports add up to. Every write path of a report moves at least one part: a report
     * entering or leaving the accepted set moves the count and the id sum, a correction the headcount, the lock
     * version and {@code updated_at}.
     */
    record Fingerprint(long reports, long headcount, long enterpriseIds, long lockVersions, long updatedMicros) {
        static final Fingerprint NONE = new Fingerprint(0, 0, 0, 0, 0);

        String text() {
            return reports + ":" + headcount + ":" + enterpriseIds + ":" + lockVersions + ":" + updatedMicros;
        }
    }

    private record Stored(String fingerprint, Comparison totals) {
    }

    /** Same result as {@link AggregateQueries#comparePrevious}, from fresh cells where possible. */
    public List<Comparison> comparePrevious(List<String> periods, UnaryOperator<String> previous, StatisticsFilter f) {
        if (periods.isEmpty() || f.excludeLargest() > 0 || !env.getProperty(ENABLED, Boolean.class, true)) {
            return queries.comparePrevious(periods, previous, f);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (String p : periods) {
            pairs.put(p, previous.apply(p));
            all.add(p);
            all.add(previous.apply(p));
        }
        Map<String, Fingerprint> prints = fingerprints("period_code between ? and ?", Collections.min(all), Collections.max(all));
        Map<String, Stored> stored = stored(Collections.min(periods), Collections.max(periods));
        Map<String, Comparison> found = new HashMap<>();
        List<String> fresh = new ArrayList<>();
        List<String> live = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String p = pair.getKey();
            String q = pair.getValue();
            Fingerprint a = prints.getOrDefault(p, Fingerprint.NONE);
            Fingerprint b = prints.getOrDefault(q, Fingerprint.NONE);
            if (a.reports() == 0 || b.reports() == 0) {
                found.put(p, new Comparison(q, 0, 0, 0)); // no enterprise can be accepted in both
                continue;
            }
            String print = a.text() + "|" + b.text();
            Stored s = stored.get(p + "|" + q);
            Optional<Comparison> totals = s != null && s.fingerprint().equals(print) ? Optional.of(s.totals()) : refresh(p, q, a, b, print);
            if (totals.isEmpty()) {
                live.add(p);
            } else {
                fresh.add(p);
                found.put(p, totals.get());
            }
        }
        if (!fresh.isEmpty() && !f.equals(StatisticsFilter.all())) {
            found.putAll(filtered(fresh, pairs, f));
        }
        if (!live.isEmpty()) {
            List<Comparison> computed = queries.comparePrevious(live, previous, f);
            for (int i = 0; i < live.size(); i++) {
                found.put(live.get(i), computed.get(i));
            }
        }
        return periods.stream().map(found::get).toList();
    }

    /** Fingerprints per period of the accepted reports matching {@code condition}. */
    private Map<String, Fingerprint> fingerprints(String condition, Object... args) {
        Map<String, Fingerprint> out = new HashMap<>();
        jdbc.query("select period_code, count(*) as n, coalesce(sum(headcount), 0) as h, coalesce(sum(enterprise_id), 0) as ids,"
                        + " coalesce(sum(lock_version), 0) as lv, max(updated_at) as u from report where " + condition
                        + " and state in " + ACCEPTED + " group by period_code",
                rs -> {
                    out.put(rs.getString("period_code"), new Fingerprint(rs.getLong("n"), rs.getLong("h"), rs.getLong("ids"),
                            rs.getLong("lv"), micros(rs.getTimestamp("u"))));
                }, args);
        return out;
    }

    private static long micros(Timestamp t) {
        if (t == null) {
            return 0;
        }
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    private Map<String, Stored> stored(String from, String to) {
        Map<String, Stored> out = new HashMap<>();
        jdbc.query("select period_code, previous_code, fingerprint, enterprises, headcount, previous_headcount from statistics_pair"
                        + " where period_code between ? and ?",
                rs -> {
                    out.put(rs.getString("period_code") + "|" + rs.getString("previous_code"),
                            new Stored(rs.getString("fingerprint"), totals(rs)));
                }, from, to);
        return out;
    }

    private static Comparison totals(ResultSet rs) throws SQLException {
        return new Comparison(rs.getString("previous_code"), rs.getLong("enterprises"), rs.getLong("headcount"),
                rs.getLong("previous_headcount"));
    }

    /**
     * Recomputes the pair's cells and totals in a transaction of their own and returns the totals; empty when the
     * pair could not be stored (a report of either period changed meanwhile, or another request stored the pair at
     * the same time: its insert of the pair row then fails on the primary key), and the caller computes it live.
     * The pair row is deleted first and inserted last, so of two concurrent writers exactly one commits.
     */
    Optional<Comparison> refresh(String period, String previous, Fingerprint a, Fingerprint b, String print) {
        try {
            return Optional.ofNullable(tx.execute(status -> {
                jdbc.update("delete from statistics_pair where period_code = ? and previous_code = ?", period, previous);
                jdbc.update("delete from statistics_pair_cell where period_code = ? and previous_code = ?", period, previous);
                jdbc.update("insert into statistics_pair_cell (period_code, previous_code, " + DIMENSIONS
                                + ", enterprises, headcount, previous_headcount) select r.period_code, o.period_code, r.city_code,"
                                + " r.county_code, r.industry_section, r.industry_division, r.registration_type, count(*),"
                                + " coalesce(sum(r.headcount), 0), coalesce(sum(o.headcount), 0) from report r"
                                + " join report o on o.enterprise_id = r.enterprise_id and o.period_code = ? and o.state in " + ACCEPTED
                                + " where r.period_code = ? and r.state in " + ACCEPTED
                                + " group by r.period_code, o.period_code, r.city_code, r.county_code, r.industry_section,"
                                + " r.industry_division, r.registration_type",
                        previous, period);
                // the cells are only as good as the fingerprint they are stored with: both periods must be unchanged
                Map<String, Fingerprint> after = fingerprints("period_code in (?, ?)", period, previous);
                if (!a.equals(after.getOrDefault(period, Fingerprint.NONE)) || !b.equals(after.getOrDefault(previous, Fingerprint.NONE))) {
                    status.setRollbackOnly();
                    return null;
                }
                Comparison t = jdbc.queryForObject("select coalesce(sum(enterprises), 0) as n, coalesce(sum(headcount), 0) as h,"
                                + " coalesce(sum(previous_headcount), 0) as ph from statistics_pair_cell where period_code = ? and previous_code = ?",
                        (rs, n) -> new Comparison(previous, rs.getLong("n"), rs.getLong("h"), rs.getLong("ph")), period, previous);
                jdbc.update("insert into statistics_pair (period_code, previous_code, fingerprint, enterprises, headcount,"
                                + " previous_headcount, computed_at) values (?, ?, ?, ?, ?, ?, ?)",
                        period, previous, print, t.enterprises(), t.headcount(), t.comparedHeadcount(), Timestamp.from(clock.instant()));
                return t;
            }));
        } catch (DataAccessException | TransactionException e) {
            log.debug("comparison cells of {}/{} not stored, computed live: {}", period, previous, e.toString());
            return Optional.empty();
        }
    }

    /** Sums over the cells of the fresh pairs that match the filter (pairs without matching cells: zero). */
    private Map<String, Comparison> filtered(List<String> fresh, Map<String, String> pairs, StatisticsFilter f) {
        AggregateQueries.Where w = AggregateQueries.where("c", "enterprise_id", f, "c.period_code", List.of());
        List<Object> args = new ArrayList<>(List.of(Collections.min(fresh), Collections.max(fresh)));
        args.addAll(w.args());
        Map<String, Comparison> sums = new HashMap<>();
        jdbc.query("select c.period_code, c.previous_code, sum(c.enterprises) as enterprises, sum(c.headcount) as headcount,"
                        + " sum(c.previous_headcount) as previous_headcount from statistics_pair_cell c"
                        + " where c.period_code between ? and ?" + w.sql() + " group by c.period_code, c.previous_code",
                rs -> {
                    sums.put(rs.getString("period_code") + "|" + rs.getString("previous_code"), totals(rs));
                }, args.toArray());
        Map<String, Comparison> out = new HashMap<>();
        for (String p : fresh) {
            String q = pairs.get(p);
            out.put(p, sums.getOrDefault(p + "|" + q, new Comparison(q, 0, 0, 0)));
        }
        return out;
    }
}
