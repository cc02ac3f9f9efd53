package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yn.employment.EmploymentApplication;
import cn.yn.employment.period.internal.CalendarScheduler;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application contexts with clustered Quartz schedulers on one PostgreSQL database: each planned fire runs on
 * exactly one node; then both stop, a close passes while everything is down, and a restarted node runs it once.
 * Runs only with the PostgreSQL test profile ({@code -Ppostgres}) and a reachable server. Tagged slow: it waits for
 * real fire times (tens of seconds); CI runs it, {@code -Dexcluded.test.groups=browser,bench-full,opengauss,slow} skips it.
 */
@Tag("slow")
class QuartzClusterTest {

    private volatile Instant end3Due;

    private static final String HOST = System.getProperty("calendar.pg.host", "localhost:5432");
    private static final String DB = "ems_calendar_cluster";
    private static final String USER = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");

    @Test
    void eachJobFiresOnceAcrossTwoNodesAndAMissedCloseRunsOnceAfterRestart() throws Exception {
        assumeTrue(String.valueOf(System.getProperty("spring.profiles.active")).contains("postgres"), "PostgreSQL profile only");
        assumeTrue(reachable(), "PostgreSQL not reachable");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DB + " with (force)");
            s.execute("create database " + DB);
        }
        ConfigurableApplicationContext a = node("a");
        ConfigurableApplicationContext b = node("b");
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        try {
            assertThat(jdbc.queryForObject("select count(*) from qrtz_scheduler_state", Integer.class)).isEqualTo(2);
            Instant now = Instant.now();
            Instant fire = now.plusSeconds(5);
            insertPeriod(jdbc, "2040-01", now.minus(Duration.ofDays(5)), fire, "OPEN");
            insertPeriod(jdbc, "2040-02", fire, fire.plus(Duration.ofDays(10)), "SCHEDULED");
            long ent = insertEnterprise(jdbc);
            Instant mark = now.minusSeconds(1);
            // plan on both nodes (as each does on start and every 10 minutes): still one trigger per instant
            a.getBean(CalendarScheduler.class).syncAll();
            b.getBean(CalendarScheduler.class).syncAll();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> runs(jdbc, "period-close", mark) >= 1 && runs(jdbc, "period-open", mark) >= 1);
            // and no second fire on the other node while we watch
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                    .until(() -> runs(jdbc, "period-close", mark) == 1 && runs(jdbc, "period-open", mark) == 1);
            assertThat(state(jdbc, "2040-01")).isEqualTo("CLOSED");
            assertThat(state(jdbc, "2040-02")).isEqualTo("OPEN");
            assertThat(jdbc.queryForObject("select state from report where enterprise_id = ? and period_code = '2040-01'",
                    String.class, ent)).isEqualTo("MISSING");

            // a close planned, then everything goes down before it is due
            Instant end3 = Instant.now().plusSeconds(4);
            end3Due = end3;
            insertPeriod(jdbc, "2040-03", end3.minus(Duration.ofDays(5)), end3, "OPEN");
            a.getBean(CalendarScheduler.class).syncAll();
        } finally {
            // the job store's connection provider is registered JVM-wide per scheduler name, so the node started
            // last (b) lends its pool to both: stop a first
            a.close();
            b.close();
        }
        // the close passes while everything is down
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> Instant.now().isAfter(end3Due));
        Instant restart = Instant.now();
        ConfigurableApplicationContext c = node("c");
        try {
            JdbcTemplate jdbc2 = c.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(state(jdbc2, "2040-03")));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                    .until(() -> runs(jdbc2, "period-close", restart) == 1);
            assertThat(state(jdbc2, "2040-03")).isEqualTo("CLOSED");
        } finally {
            c.close();
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(EmploymentApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test", "test-postgres")
                .run("--spring.datasource.url=jdbc:postgresql://" + HOST + "/" + DB,
                        "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=" + PASSWORD,
                        "--spring.quartz.auto-startup=true",
                        // one cluster = one scheduler name in qrtz_* (the test profile gives every context its own)
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=ems-cluster-test",
                        "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000",
                        "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
                        "--spring.datasource.hikari.maximum-pool-size=6",
                        "--app.node=" + name, "--server.port=0", "--management.server.port=0", "--vaadin.devmode.devTools.enabled=false", "--vaadin.launch-browser=false");
    }

    private static void insertPeriod(JdbcTemplate jdbc, String code, Instant start, Instant end, String state) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into survey_period (code, window_start, window_end, state, reminder_offsets, created_at, updated_at)"
                + " values (?, ?, ?, ?, '3,1', ?, ?)", code, Timestamp.from(start), Timestamp.from(end), state, now, now);
    }

    private static long insertEnterprise(JdbcTemplate jdbc) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into enterprise (uscc, org_code, name, county_code, city_code, filing_state, baseline_headcount,"
                + " created_at, updated_at) values ('915301000000000C01', 'C0000000X', '集群企业', '530102', '530100', 'FILED', 10, ?, ?)", now, now);
        return jdbc.queryForObject("select id from enterprise where uscc = '915301000000000C01'", Long.class);
    }

    private static int runs(JdbcTemplate jdbc, String job, Instant since) {
        return jdbc.queryForObject("select count(*) from job_run where job = ? and fired_at >= ?", Integer.class, job,
                Timestamp.from(since));
    }

    private static String state(JdbcTemplate jdbc, String code) {
        return jdbc.queryForObject("select state from survey_period where code = ?", String.class, code);
    }


    private static boolean reachable() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
