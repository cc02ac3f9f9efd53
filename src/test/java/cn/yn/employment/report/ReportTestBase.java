package cn.yn.employment.report;

import cn.yn.employment.TestClock;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.time.TimeConfig;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One Spring context for every period/report test (same configuration → cached): a movable clock and helpers to
 * act as a user; the Prometheus registry is on.
 */
@SpringBootTest
@org.springframework.context.annotation.Import(ReportTestBase.ClockConfig.class)
// metric export on (Boot's tests switch it off): /actuator/prometheus for BusinessMetricsTest, in this same context
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
public abstract class ReportTestBase {

    /** 2026-03-05 10:00 Asia/Shanghai: inside the window of period 2026-02. */
    public static final LocalDateTime START = LocalDateTime.of(2026, 3, 5, 10, 0);

    @TestConfiguration
    public static class ClockConfig {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START.atZone(TimeConfig.ZONE).toInstant(), TimeConfig.ZONE);
        }
    }

    @Autowired
    protected TestClock clock;

    @Autowired
    protected JdbcTemplate jdbc;

    @AfterEach
    void resetClockAndUser() {
        clock.set(START.atZone(TimeConfig.ZONE).toInstant());
        SecurityContextHolder.clearContext();
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger();

    /** A filed enterprise in a county of a city, with a baseline headcount. Returns its id. */
    protected long filedEnterprise(String cityCode, String countyCode, int baseline) {
        int n = SEQ.incrementAndGet();
        String uscc = String.format("91%s%09dX", cityCode, n);
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        jdbc.update("insert into enterprise (uscc, org_code, name, county_code, city_code, registration_type, industry_section,"
                        + " industry_division, baseline_headcount, filing_state, filed_at, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, '110', 'C', '13', ?, 'FILED', ?, ?, ?)",
                uscc, uscc.substring(8, 17), "测试企业" + n, countyCode, cityCode, baseline, now, now, now);
        return jdbc.queryForObject("select id from enterprise where uscc = ?", Long.class, uscc);
    }

    /** Makes sure a period exists (created as the province with the default window). */
    /** A report of a new Kunming enterprise (county 530102, baseline 100), submitted by it with headcount 100. */
    protected ReportView submittedKunmingReport(String period, ReportService reports) {
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        return reports.submit(reports.draftFor(ent, period).id(), ReportForm.empty().withHeadcount(100), null);
    }

    /** The reviewer approves the report's open task of the step {@code taskKey} through the engine. */
    protected static void approveTask(org.flowable.engine.TaskService tasks, ReportView r, String taskKey, CurrentUser reviewer) {
        actAs(reviewer);
        org.flowable.task.api.Task t = tasks.createTaskQuery().processInstanceId(r.processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        tasks.complete(t.getId(), java.util.Map.of("decision", "APPROVE"));
    }

    protected void period(String code, cn.yn.employment.period.PeriodService periods) {
        if (periods.find(code).isEmpty()) {
            org.springframework.security.core.Authentication before = SecurityContextHolder.getContext().getAuthentication();
            actAs(province());
            periods.create(code);
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    protected int auditCount(String action, long reportId) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and target_type = 'report' and target_id = ?",
                Integer.class, action, Long.toString(reportId));
    }

    public static CurrentUser province() {
        return new CurrentUser(9001, "prov", "省审核员", Set.of(Role.PROVINCE_REVIEWER), Scope.province());
    }

    public static CurrentUser city(String cityCode) {
        return new CurrentUser(9002, "city" + cityCode, "市审核员", Set.of(Role.CITY_REVIEWER), Scope.city(cityCode));
    }

    public static CurrentUser enterpriseUser(long enterpriseId) {
        return new CurrentUser(9100 + enterpriseId, "ent" + enterpriseId, "企业" + enterpriseId, Set.of(Role.ENTERPRISE),
                Scope.enterprise(enterpriseId));
    }

    public static void actAs(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

}
