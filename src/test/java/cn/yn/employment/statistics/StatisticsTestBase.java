package cn.yn.employment.statistics;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Shared base of the statistics tests (one Spring context). Fixtures are inserted with JDBC in the two
 * smallest prefectures (怒江 533300, 迪庆 533400) and in periods of the year 2091, so other modules' data in a
 * shared database (the PostgreSQL run) does not change the figures asserted here.
 */
@SpringBootTest
public abstract class StatisticsTestBase {

    public static final String NUJIANG = "533300";
    public static final String LUSHUI = "533301";
    public static final String DIQING = "533400";
    public static final String SHANGRILA = "533401";

    /** Registration types the province data generator never uses, so counts of filed enterprises stay ours. */
    public static final String NUJIANG_TYPE = "142";
    public static final String DIQING_TYPE = "170";
    public static final StatisticsFilter NUJIANG_F = StatisticsFilter.city(NUJIANG).withRegistrationType(NUJIANG_TYPE);
    public static final StatisticsFilter DIQING_F = StatisticsFilter.city(DIQING).withRegistrationType(DIQING_TYPE);

    private static final AtomicLong USCC = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    protected JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    protected static void signIn(Scope scope, Role... roles) {
        CurrentUser u = new CurrentUser(1, "tester", "测试", Set.of(roles), scope);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(u, null,
                java.util.Arrays.stream(roles).map(Role::authority).toArray(String[]::new)));
    }

    protected static void signInProvinceLeader() {
        signIn(Scope.province(), Role.LEADER);
    }

    /** A filed enterprise; returns its id. */
    protected long enterprise(String name, String city, String county, String section, String division, String regType, int baseline) {
        String uscc = String.format("91%016d", USCC.incrementAndGet());
        Timestamp now = Timestamp.from(Instant.parse("2090-01-01T00:00:00Z"));
        jdbc.update("insert into enterprise (uscc, org_code, name, county_code, city_code, registration_type, industry_section,"
                        + " industry_division, baseline_headcount, filing_state, filed_at, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED', ?, ?, ?)",
                uscc, uscc.substring(8, 17), name, county, city, regType, section, division, baseline, now, now, now);
        return jdbc.queryForObject("select id from enterprise where uscc = ?", Long.class, uscc);
    }

    /** A report row copying the enterprise's classification; returns its id. */
    protected long report(long enterpriseId, String period, String state, Integer previous, Integer headcount,
                          String reductionType, String... reasons) {
        Timestamp now = Timestamp.from(Instant.parse("2091-07-01T02:00:00Z"));
        jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, industry_section, industry_division,"
                        + " registration_type, state, baseline_headcount, previous_headcount, headcount, reduction_type,"
                        + " reason1_code, reason2_code, reason3_code, version_no, submitted_at, accepted_at, created_at, updated_at)"
                        + " select e.id, ?, e.city_code, e.county_code, e.industry_section, e.industry_division, e.registration_type,"
                        + " ?, e.baseline_headcount, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ? from enterprise e where e.id = ?",
                period, state, previous, headcount, reductionType, reason(reasons, 0), reason(reasons, 1), reason(reasons, 2),
                now, now, now, now, enterpriseId);
        return jdbc.queryForObject("select id from report where enterprise_id = ? and period_code = ?", Long.class,
                enterpriseId, period);
    }

    protected void warning(long reportId, String level) {
        jdbc.update("insert into layoff_warning (report_id, enterprise_id, period_code, city_code, county_code, level,"
                        + " previous_headcount, headcount, decrease, decrease_rate, created_at)"
                        + " select r.id, r.enterprise_id, r.period_code, r.city_code, r.county_code, ?, r.previous_headcount, r.headcount,"
                        + " r.previous_headcount - r.headcount, (r.previous_headcount - r.headcount) * 1.0 / r.previous_headcount, r.created_at"
                        + " from report r where r.id = ?", level, reportId);
    }

    private static String reason(String[] reasons, int i) {
        return reasons.length > i ? reasons[i] : null;
    }
}
