package cn.yn.employment.bench;

import cn.yn.employment.common.db.StatementCounter;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.datagen.ProvinceDataGenerator;
import cn.yn.employment.period.PerEnterpriseReminderPass;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodReminders;
import cn.yn.employment.period.internal.EnterpriseMessenger;
import cn.yn.employment.statistics.ReportArchive;
import cn.yn.employment.statistics.StatisticsReports;
import java.time.Clock;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.review.ReviewService;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The province-scale benchmark (docs/performance.md). Run on PostgreSQL only:
 * {@code ./mvnw verify -Pbench} (scale with -Dbench.enterprises=…, -Dbench.burst=…, -Dbench.openTasks=…).
 * Writes bench-results/results.json and results.md.
 */
@Tag("bench-full")
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=24", "test.shared-database=true"})
@Import({BenchClock.class, StatementCounter.Config.class})
class ProvinceBenchmark {

    @Autowired ProvinceDataGenerator generator;
    @Autowired ReportService reports;
    @Autowired ReviewService review;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;
    @Autowired StatisticsReports statistics;
    @Autowired PeriodCalendarService calendar;
    @Autowired PeriodReminders reminders;
    @Autowired ReportArchive archive;
    @Autowired Clock clock;
    @Autowired EnterpriseMessenger messenger;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String user;

    @Test
    void provinceScale() throws Exception {
        int enterprises = Integer.getInteger("bench.enterprises", 100_000);
        int months = Integer.getInteger("bench.months", 24);
        int burst = Integer.getInteger("bench.burst", 50_000);
        int openTasks = Integer.getInteger("bench.openTasks", 100_000);
        String period = BenchClock.OPEN_PERIOD.toString();
        String closedPeriod = BenchClock.OPEN_PERIOD.minusMonths(1).toString();
        // -Dbench.only=P1,P2,P3,P4,P5,P6,P7,P9 runs a subset (the data is generated and topped up either way)
        Set<String> only = Set.of(System.getProperty("bench.only", "P1,P9,P2,P3,P4,P5,P6,P7").split(","));
        // bench/run-all.sh writes each scale of the P8 curve to its own directory
        Path results = Path.of(System.getProperty("bench.out", "bench-results"));
        int p9Burst = Integer.getInteger("bench.p9Burst", Math.max(30, burst / 10));

        BenchReport out = new BenchReport();
        out.context("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        out.context("database", jdbc.queryForObject("select version()", String.class));
        out.context("scale", enterprises + " enterprises, " + months + " months, burst " + burst + ", open tasks " + openTasks);
        BenchmarkScenarios s = new BenchmarkScenarios(generator, reports, review, repository, runtime, tasks, jdbc, out);
        PeriodScenarios ps = new PeriodScenarios(statistics, calendar, reminders, archive, jdbc, clock, out,
                new PerEnterpriseReminderPass(jdbc, clock, calendar, messenger, transactions));
        out.context("load average before", loadAverage());

        if (jdbc.queryForObject("select count(*) from enterprise", Integer.class) < enterprises) {
            s.generate(enterprises, months, BenchClock.OPEN_PERIOD);
        }
        s.analyze();
        if (only.contains("P1")) {
            s.p1DeadlineBurst(period, burst / 3, 3);
        }
        if (only.contains("P9")) {
            new LoadMixScenarios(s, statistics, out).p9StatisticsDuringBurst(period, closedPeriod, p9Burst, 5);
        }
        long missing = only.contains("P2") || only.contains("P3") ? openTasks - s.openTasks() : 0;
        // top up the inbox to the target number of open tasks, untimed, in chunks with ANALYZE in between: with
        // autovacuum off the engine's tables keep the statistics of their empty state and each insert's foreign-key
        // check becomes a sequential scan (seen today: 100-270 ms per ACT_RU_VARIABLE insert at 15,000 open tasks)
        for (long left = missing; left > 0; left -= 10_000) {
            s.submitAll(period, s.unreported(period, (int) Math.min(left, 10_000)));
            s.analyzeQuick();
        }
        s.analyze();
        CurrentUser city = new CurrentUser(-1, "bench-city", "市级审核", Set.of(Role.CITY_REVIEWER), Scope.city("530100"));
        CurrentUser province = new CurrentUser(-2, "bench-province", "省级审核", Set.of(Role.PROVINCE_REVIEWER), Scope.province());
        if (only.contains("P2")) {
            s.p2Inbox(period, city, "530102", "city 530100, county 530102", 20);
            s.p2Inbox(period, city, null, "city 530100, all counties", 20);
        }
        if (only.contains("P3")) {
            s.p3BulkApprove(period, Integer.getInteger("bench.p3Size", 1000), 3);
        }
        if (only.contains("P2")) {
            s.p2Inbox(period, province, null, "province", 20);
        }
        if (only.contains("P4")) {
            ps.p4Statistics(closedPeriod, 5);
        }
        if (only.contains("P5")) {
            ps.p5Close(closedPeriod, 3);
        }
        if (only.contains("P6")) {
            ProcessScenarios.p6Startup(out, 3);
        }
        out.context("enterprises", jdbc.queryForObject("select count(*) from enterprise", Long.class));
        out.context("load average after", loadAverage());
        if (!only.contains("P7") || !only.contains("P1")) {
            out.write(results);
            return;
        }
        URI db = URI.create(url.substring("jdbc:".length()));
        List<Double> tps = ProcessScenarios.pgbench(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort(), user, 15);
        double p1 = out.measurements().stream().filter(m -> m.id().equals("P1")).findFirst().orElseThrow().median();
        out.add(new Measurement("P7", "P1 submissions/s ÷ pgbench TPC-B tps (same server)", "tps", true, "reported",
                tps, null, null, String.format(java.util.Locale.ROOT, "P1 %.0f/s ÷ pgbench %.0f tps = %.3f", p1,
                Measurement.stat(tps, 50), p1 / Measurement.stat(tps, 50))));
        out.write(results);
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
