package cn.yn.employment.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.datagen.ProvinceDataGenerator;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodReminders;
import cn.yn.employment.statistics.ReportArchive;
import cn.yn.employment.statistics.StatisticsReports;
import java.time.Clock;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.review.ReviewService;
import java.nio.file.Path;
import java.util.Set;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark at a tiny scale, in the normal suite, so the runner cannot rot. It checks that every scenario
 * produces complete figures and that the projection and the engine agree — never how fast anything is.
 */
@SpringBootTest
@Import(BenchClock.class)
class BenchmarkSmokeTest {

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
    @Autowired cn.yn.employment.period.internal.EnterpriseMessenger messenger;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void everyScenarioProducesCompleteFigures() throws Exception {
        BenchReport out = new BenchReport();
        BenchmarkScenarios s = new BenchmarkScenarios(generator, reports, review, repository, runtime, tasks, jdbc, out);
        String period = BenchClock.OPEN_PERIOD.toString();

        s.generate(400, 2, BenchClock.OPEN_PERIOD);
        s.p1DeadlineBurst(period, 40, 3);
        new LoadMixScenarios(s, statistics, out).p9StatisticsDuringBurst(period, BenchClock.OPEN_PERIOD.minusMonths(1).toString(), 20, 3);
        long open = s.openTasks();
        assertThat(open).isGreaterThanOrEqualTo(120 + 6 * 20);
        // the baseline's instances are gone and did not leak into the inbox
        assertThat(jdbc.queryForObject("select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_"
                + " where d.key_ = 'reportReviewBare'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ in ('cityReview', 'provinceReview')",
                Long.class)).isEqualTo(open);

        CurrentUser city = new CurrentUser(-1, "bench-city", "市级审核", Set.of(Role.CITY_REVIEWER), Scope.city("530100"));
        CurrentUser province = new CurrentUser(-2, "bench-province", "省级审核", Set.of(Role.PROVINCE_REVIEWER), Scope.province());
        s.p2Inbox(period, city, null, "city 530100", 5);
        s.p3BulkApprove(period, 5, 3);
        s.p2Inbox(period, province, null, "province", 5);
        PeriodScenarios ps = new PeriodScenarios(statistics, calendar, reminders, archive, jdbc, clock, out,
                new cn.yn.employment.period.PerEnterpriseReminderPass(jdbc, clock, calendar, messenger, transactions));
        String closed = BenchClock.OPEN_PERIOD.minusMonths(1).toString();
        ps.p4Statistics(closed, 3);
        ps.p5Close(closed, 3);
        out.write(Path.of("target", "bench-smoke"));

        assertThat(out.measurements()).extracting(Measurement::id).contains("G", "P1", "P9s", "P9b", "P2c", "P2p", "P3", "P4s", "P4p", "P4t", "P5r", "P5");
        assertThat(out.measurements()).allSatisfy(m -> {
            assertThat(m.samples()).isNotEmpty().allMatch(v -> v > 0 && !v.isNaN());
        });
        assertThat(out.measurements().stream().filter(m -> !m.id().equals("G")))
                .allSatisfy(m -> assertThat(m.samples()).hasSizeGreaterThanOrEqualTo(3));
        assertThat(Path.of("target", "bench-smoke", "results.json")).exists();
        // P3 approved 5 items in each of 3 repetitions, and as many again for its one-transaction-per-item baseline
        assertThat(jdbc.queryForObject("select count(*) from report where state = 'PENDING_PROVINCE' and period_code = ?",
                Integer.class, period)).isEqualTo(30);
        // P5 closed three fresh periods, each marking 缺报 every enterprise without an accepted report (20 %)
        assertThat(jdbc.queryForList("select count(*) from report r join survey_period p on p.code = r.period_code"
                + " where p.state = 'CLOSED' and r.state = 'MISSING' group by r.period_code", Long.class))
                .hasSize(3).allMatch(n -> n == jdbc.queryForObject("select count(*) from enterprise where mod(id, 100) >= 80", Long.class));
    }
}
