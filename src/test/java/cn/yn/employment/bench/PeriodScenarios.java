package cn.yn.employment.bench;

import cn.yn.employment.common.db.StatementCounter;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.period.PerEnterpriseReminderPass;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodReminders;
import cn.yn.employment.statistics.ReportArchive;
import cn.yn.employment.statistics.ReportKind;
import cn.yn.employment.statistics.StatisticsFilter;
import cn.yn.employment.statistics.StatisticsReports;
import cn.yn.employment.statistics.internal.ComparisonCells;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * P4 (statistics over a whole period: summary by city and by county, the PDF 汇总表, the 24-period trend) through
 * the statistics module's own services, and P5 (close a period: the calendar's reminder pass and its close job,
 * which marks 缺报) through the period module's own service, each on a fresh period per repetition.
 */
public class PeriodScenarios {

    /** Share of enterprises in a P5 period: reported and accepted / left as a draft / nothing at all. */
    static final int ACCEPTED_PERCENT = 80;
    static final int DRAFT_PERCENT = 10;

    private final StatisticsReports statistics;
    private final PeriodCalendarService calendar;
    private final PeriodReminders reminders;
    private final ReportArchive archive;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BenchReport out;
    private final PerEnterpriseReminderPass perEnterprise;

    public PeriodScenarios(StatisticsReports statistics, PeriodCalendarService calendar, PeriodReminders reminders,
                           ReportArchive archive, JdbcTemplate jdbc, Clock clock, BenchReport out) {
        this(statistics, calendar, reminders, archive, jdbc, clock, out, null);
    }

    /** With {@code perEnterprise}, P5r times the reminder pass as it was before issue 15's third round too (same run). */
    public PeriodScenarios(StatisticsReports statistics, PeriodCalendarService calendar, PeriodReminders reminders,
                           ReportArchive archive, JdbcTemplate jdbc, Clock clock, BenchReport out,
                           PerEnterpriseReminderPass perEnterprise) {
        this.perEnterprise = perEnterprise;
        this.statistics = statistics;
        this.calendar = calendar;
        this.reminders = reminders;
        this.archive = archive;
        this.jdbc = jdbc;
        this.clock = clock;
        this.out = out;
    }

    // --- P4 --------------------------------------------------------------------------------------------------

    /**
     * Statistics of {@code period} (a closed month with every enterprise's accepted report) for a province leader:
     * the summary tables by city and by county (one sample = both), the PDF 汇总表 by county, the 24-period trend
     * with its chart. One untimed warm-up each (the first PDF compiles the JRXML template); the cold time is noted.
     */
    public void p4Statistics(String period, int repetitions) {
        BenchmarkScenarios.actAs(new CurrentUser(-3, "bench-leader", "领导", java.util.Set.of(Role.LEADER), Scope.province()));
        try {
            StatisticsFilter all = StatisticsFilter.all();
            Long reports = jdbc.queryForObject("select count(*) from report where period_code = ?", Long.class, period);
            int[] rows = new int[1];
            Runnable summaries = () -> rows[0] = statistics.table(ReportKind.SUMMARY_BY_CITY, period, all, Translations.CHINESE).rows().size()
                    + statistics.table(ReportKind.SUMMARY_BY_COUNTY, period, all, Translations.CHINESE).rows().size();
            out.begin("P4s");
            double cold = time(summaries);
            List<Double> summary = repeat(summaries, repetitions);
            out.add(new Measurement("P4s", "Statistics summary by city + by county (" + reports + " reports in " + period + ")", "ms",
                    false, "≤ 1 s", summary, null, null,
                    String.format(Locale.ROOT, "%d table rows; first (cold) call %.0f ms", rows[0], cold)));

            int[] bytes = new int[1];
            out.begin("P4p");
            Runnable pdf = () -> bytes[0] = statistics.pdf(ReportKind.SUMMARY_BY_COUNTY, period, all).length;
            cold = time(pdf);
            List<Double> pdfs = repeat(pdf, repetitions);
            out.add(new Measurement("P4p", "PDF 汇总表 by county (JasperReports, " + reports + " reports)", "ms", false, "≤ 3 s", pdfs,
                    null, null, String.format(Locale.ROOT, "%d bytes; first call incl. template compile %.0f ms", bytes[0], cold)));

            Long history = jdbc.queryForObject("select count(*) from report where period_code between ? and ?", Long.class,
                    YearMonth.parse(period).minusMonths(23).toString(), period);
            out.begin("P4t");
            Runnable trend = () -> rows[0] = statistics.trendTable(period, all, 24, Translations.CHINESE).rows().size();
            // cold: no comparison cells stored yet, the first call computes and stores every pair (docs/adr/0033)
            jdbc.update("delete from statistics_pair");
            cold = time(trend);
            // the same call with the comparisons live (as before the cells), alternating with the stored ones
            List<Double> trends = new ArrayList<>();
            List<Double> live = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                trends.add(time(trend));
                System.setProperty(ComparisonCells.ENABLED, "false");
                try {
                    live.add(time(trend));
                } finally {
                    System.clearProperty(ComparisonCells.ENABLED);
                }
            }
            out.add(new Measurement("P4t", "24-period trend with chart (" + history + " reports)", "ms", false, "≤ 2 s", trends, live,
                    "same trend, comparisons live", String.format(Locale.ROOT,
                            "%d periods; first call (computes and stores the 24 comparison pairs) %.0f ms", rows[0], cold)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // --- P5 --------------------------------------------------------------------------------------------------

    /**
     * Each repetition on a fresh period (an unused month before the generated history), set up untimed from the
     * newest accepted period: {@value #ACCEPTED_PERCENT} % of filed enterprises with an accepted report,
     * {@value #DRAFT_PERCENT} % with a draft, the rest with nothing. Timed: (a) the reminder pass
     * ({@code remindDue}) one day before the deadline, which reminds every enterprise without a submitted report,
     * and (b) the close job ({@code closeDue}) after the deadline, which marks 缺报 (drafts and absent reports)
     * and closes the period. The archive the close triggers runs after the commit on its own thread; the runner
     * waits for it (untimed, noted) so it does not load the next repetition. With the per-enterprise pass given, each
     * repetition also runs it on the same period, before or after the batched pass by turns, with the first pass's
     * claims, notifications and outbox rows deleted (untimed) in between: the same-run baseline, and, when the data
     * source counts statements ({@link StatementCounter}), the JDBC calls per reminded enterprise of both.
     */
    public void p5Close(String source, int repetitions) {
        out.begin("P5r");
        out.begin("P5");
        Long filed = jdbc.queryForObject("select count(*) from enterprise where filing_state = 'FILED'", Long.class);
        List<Double> remind = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        List<Double> archiveSeconds = new ArrayList<>();
        List<Double> perEnterpriseMs = new ArrayList<>();
        List<StatementCounter.Count> countsAfter = new ArrayList<>();
        List<StatementCounter.Count> countsBefore = new ArrayList<>();
        long reminded = 0;
        long marked = 0;
        for (int rep = 0; rep < repetitions; rep++) {
            String code = freshPeriod(source);
            Instant now = clock.instant();
            // one day before the deadline: the 1-day reminder is due
            jdbc.update("insert into survey_period (code, window_start, window_end, state, reminder_offsets, created_at, updated_at, version)"
                            + " values (?, ?, ?, 'OPEN', '3,1', ?, ?, 0)", code, Timestamp.from(now.minus(Duration.ofDays(9))),
                    Timestamp.from(now.plus(Duration.ofHours(12))), Timestamp.from(now), Timestamp.from(now));
            jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, industry_section, industry_division,"
                            + " registration_type, state, baseline_headcount, previous_headcount, headcount, hired, separated, has_warnings,"
                            + " version_no, submitted_at, accepted_at, created_at, updated_at, lock_version)"
                            + " select r.enterprise_id, ?, r.city_code, r.county_code, r.industry_section, r.industry_division, r.registration_type,"
                            + " case when mod(r.enterprise_id, 100) < ? then 'ACCEPTED' else 'DRAFT' end, r.baseline_headcount, r.headcount,"
                            + " r.headcount, 0, 0, false, 1,"
                            + " case when mod(r.enterprise_id, 100) < ? then r.submitted_at end, case when mod(r.enterprise_id, 100) < ? then r.accepted_at end,"
                            + " r.created_at, r.updated_at, 0 from report r where r.period_code = ? and mod(r.enterprise_id, 100) < ?",
                    code, ACCEPTED_PERCENT, ACCEPTED_PERCENT, ACCEPTED_PERCENT, source, ACCEPTED_PERCENT + DRAFT_PERCENT);
            analyze();

            long[] mark = watermark();
            boolean oldFirst = rep % 2 == 0;
            PassRun old = perEnterprise != null && oldFirst ? pass(perEnterprise::remindDue) : null;
            if (old != null) {
                undoReminders(code, mark);
            }
            PassRun batched = pass(reminders::remindDue);
            if (perEnterprise != null && !oldFirst) {
                undoReminders(code, mark);
                old = pass(perEnterprise::remindDue);
            }
            remind.add(batched.ms());
            countsAfter.add(batched.count());
            reminded = batched.reminded();
            if (old != null) {
                if (old.reminded() != batched.reminded()) {
                    throw new IllegalStateException("the two reminder passes reminded " + old.reminded() + " and " + batched.reminded());
                }
                perEnterpriseMs.add(old.ms());
                countsBefore.add(old.count());
            }
            // the deadline passes
            jdbc.update("update survey_period set window_end = ? where code = ?", Timestamp.from(clock.instant().minusSeconds(60)), code);
            long before = count(code, "MISSING");
            long t0 = System.nanoTime();
            List<String> closed = calendar.closeDue();
            close.add((System.nanoTime() - t0) / 1e6);
            marked = count(code, "MISSING") - before;
            if (!closed.contains(code)) {
                throw new IllegalStateException("period " + code + " was not closed: " + closed);
            }
            t0 = System.nanoTime();
            waitForArchive(code);
            archiveSeconds.add((System.nanoTime() - t0) / 1e9);
        }
        String statements = StatementCounter.installed() && !countsBefore.isEmpty() && countsBefore.get(0).calls() > 0
                ? String.format(Locale.ROOT, "; JDBC calls (statements) per reminded enterprise: per-enterprise pass %s, batched %s",
                perEnterprise(countsBefore.get(0), reminded), perEnterprise(countsAfter.get(0), reminded)) : "";
        out.add(new Measurement("P5r", "Reminder pass 1 day before the deadline (" + filed + " filed enterprises)", "ms", false,
                "≤ 10 s in every repetition", remind, perEnterpriseMs.isEmpty() ? null : perEnterpriseMs,
                perEnterpriseMs.isEmpty() ? null : "per-enterprise pass (before, same run, alternating)",
                reminded + " enterprises reminded per repetition (in-app, e-mail, SMS channels)" + statements));
        out.add(new Measurement("P5", "Close a period: mark 缺报 and close (" + filed + " filed enterprises)", "ms", false, "≤ 10 s",
                close, null, null, String.format(Locale.ROOT, "%d marked 缺报 per repetition; archive pack after commit (background) %.0f–%.0f s",
                marked, Measurement.stat(archiveSeconds, 0), Measurement.stat(archiveSeconds, 100))));
    }

    private record PassRun(double ms, int reminded, StatementCounter.Count count) {
    }

    private static PassRun pass(Supplier<Integer> pass) {
        long t0 = System.nanoTime();
        StatementCounter.Counted<Integer> c = StatementCounter.count(pass);
        return new PassRun((System.nanoTime() - t0) / 1e6, c.value(), c.count());
    }

    private static String perEnterprise(StatementCounter.Count c, long reminded) {
        return reminded == 0 ? c.toString() : String.format(Locale.ROOT, "%.3f (%.3f)", c.calls() / (double) reminded,
                c.statements() / (double) reminded);
    }

    private long[] watermark() {
        return new long[] {jdbc.queryForObject("select coalesce(max(id), 0) from notification", Long.class),
                jdbc.queryForObject("select coalesce(max(id), 0) from outbox_message", Long.class)};
    }

    /** Removes what a reminder pass wrote for the period (untimed), so the other pass finds the same work. */
    private void undoReminders(String code, long[] mark) {
        jdbc.update("delete from period_reminder_sent where period_code = ?", code);
        jdbc.update("delete from notification where id > ?", mark[0]);
        jdbc.update("delete from outbox_message where id > ?", mark[1]);
    }

    /** An unused month before everything generated, so each repetition closes a period nobody touched. */
    private String freshPeriod(String source) {
        String oldest = jdbc.queryForObject("select min(code) from survey_period", String.class);
        YearMonth candidate = YearMonth.parse(oldest == null ? source : oldest).minusMonths(1);
        return candidate.toString();
    }

    private long count(String period, String state) {
        Long n = jdbc.queryForObject("select count(*) from report where period_code = ? and state = ?", Long.class, period, state);
        return n == null ? 0 : n;
    }

    private void waitForArchive(String period) {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            var p = archive.progress(period);
            if (p.isPresent() && p.get().finished()) {
                return;
            }
            if (p.isEmpty() && System.nanoTime() > deadline - Duration.ofMinutes(20).minusSeconds(5).toNanos()) {
                return;   // no archive was started
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** Fresh statistics after a bulk insert, as autovacuum would give them a little later (PostgreSQL only). */
    private void analyze() {
        String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
            jdbc.execute("analyze report");
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static List<Double> repeat(Runnable r, int repetitions) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            v.add(time(r));
        }
        return v;
    }

    static <T> T as(CurrentUser user, Supplier<T> work) {
        BenchmarkScenarios.actAs(user);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
