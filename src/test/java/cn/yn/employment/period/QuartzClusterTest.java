package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yn.employment.EmploymentApplication;
import cn.yn.employment.period.internal.CalendarScheduler;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application contexts with clustered Quartz schedulers on one PostgreSQL database: each planned fire runs on
 * exactly one node; then both stop, a close passes while everything is down, and a restarted node runs it once.
 * Runs only with the PostgreSQL test profile ({@code -Ppostgres}) and a reachable server.
 */
class QuartzClusterTest {

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

            waitFor(() -> runs(jdbc, "period-close", mark) >= 1 && runs(jdbc, "period-open", mark) >= 1, 60);
            Thread.sleep(5000);
            assertThat(runs(jdbc, "period-close", mark)).isEqualTo(1);
            assertThat(runs(jdbc, "period-open", mark)).isEqualTo(1);
            assertThat(state(jdbc, "2040-01")).isEqualTo("CLOSED");
            assertThat(state(jdbc, "2040-02")).isEqualTo("OPEN");
            assertThat(jdbc.queryForObject("select state from report where enterprise_id = ? and period_code = '2040-01'",
                    String.class, ent)).isEqualTo("MISSING");

            // a close planned, then everything goes down before it is due
            Instant end3 = Instant.now().plusSeconds(4);
            insertPeriod(jdbc, "2040-03", end3.minus(Duration.ofDays(5)), end3, "OPEN");
            a.getBean(CalendarScheduler.class).syncAll();
        } finally {
            // the job store's connection provider is registered JVM-wide per scheduler name, so the node started
            // last (b) lends its pool to both: stop a first
            a.close();
            b.close();
        }
        Thread.sleep(8000); // the close passes while down
        Instant restart = Instant.now();
        ConfigurableApplicationContext c = node("c");
        try {
            JdbcTemplate jdbc2 = c.getBean(JdbcTemplate.class);
            waitFor(() -> "CLOSED".equals(state(jdbc2, "2040-03")), 60);
            Thread.sleep(3000);
            assertThat(runs(jdbc2, "period-close", restart)).isEqualTo(1);
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
                        "--app.node=" + name, "--server.port=0", "--vaadin.devmode.devTools.enabled=false", "--vaadin.launch-browser=false");
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

    private static void waitFor(java.util.function.BooleanSupplier cond, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline && !cond.getAsBoolean()) {
            Thread.sleep(300);
        }
    }

    private static boolean reachable() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
