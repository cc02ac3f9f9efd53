package cn.yn.employment.report.api;

import static cn.yn.employment.report.api.ReportApiTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * QUALITY.md R1: PostgreSQL restarted (crash: immediate stop, then start) in the middle of a burst of API submissions
 * whose clients retry with their Idempotency-Key until they get an answer. Checks that every acknowledged submission
 * exists exactly once (one version, one process instance, one inbox row) and nothing is half-written. Runs on its own
 * throwaway cluster (port 25500 under /tmp, never the shared server): {@code ./mvnw -Preliability verify
 * -Dtest=PostgresRestartDuringSubmissionsTest}. Needs root (the cluster runs as user postgres) and PostgreSQL 15's
 * binaries. Prints its figures for docs/reliability.md.
 */
@Tag("reliability")
class PostgresRestartDuringSubmissionsTest extends ReportTestBase {

    static final String P = "2026-02";
    static final int ENTERPRISES = Integer.getInteger("r1.enterprises", 300);
    static final int CLIENTS = Integer.getInteger("r1.clients", 6);
    static final int PORT = Integer.getInteger("r1.port", 25500);
    static final Path DIR = Path.of("/tmp/ems-r1-" + ProcessHandle.current().pid());
    static final String PGBIN = System.getProperty("r1.pgbin", "/usr/lib/postgresql/15/bin");
    static final String FINE = """
            {"headcount": 101, "hired": 2, "separated": 1, "dispatched": 0}""";

    static {
        try {
            sh("mkdir -p " + DIR + " && chown postgres " + DIR);
            pg(PGBIN + "/initdb -D " + DIR + "/data -U postgres -A trust -E UTF8 --locale=C.UTF-8");
            Files.writeString(DIR.resolve("data/postgresql.conf"), "\nlisten_addresses = '127.0.0.1'\nport = " + PORT
                    + "\nunix_socket_directories = '" + DIR + "'\nmax_connections = 60\nfsync = on\n",
                    java.nio.file.StandardOpenOption.APPEND);
            startPostgres();
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("create database ems_r1");
            }
        } catch (Exception e) {
            throw new IllegalStateException("throwaway PostgreSQL for R1 did not start", e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> url("ems_r1"));
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "");
        r.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
        // fail fast while the server is away; the clients retry
        r.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        r.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
        r.add("spring.quartz.properties.org.quartz.jobStore.driverDelegateClass", () -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    }

    @Autowired WebApplicationContext context;
    @Autowired PeriodService periods;
    @Autowired HistoryService history;

    @Test
    void everyAcknowledgedSubmissionExistsExactlyOnce() throws Exception {
        period(P, periods);
        List<Long> enterprises = new ArrayList<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            enterprises.add(filedEnterprise("530100", "530102", 100));
        }
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ConcurrentLinkedQueue<Long> todo = new ConcurrentLinkedQueue<>(enterprises);
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger failedAttempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                Long ent;
                while ((ent = todo.poll()) != null) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (true) {
                        attempts.incrementAndGet();
                        int status;
                        try {
                            status = mvc.perform(post("/api/v1/reports/{p}", P).with(as(enterpriseUser(ent)))
                                    .header("Idempotency-Key", "r1-" + ent).contentType(MediaType.APPLICATION_JSON).content(FINE))
                                    .andReturn().getResponse().getStatus();
                        } catch (Exception e) {
                            status = -1; // the connection (here: the servlet) failed: the client cannot know, so it retries
                        }
                        if (status == 200) {
                            acknowledged.add(ent);
                            break;
                        }
                        failedAttempts.incrementAndGet();
                        if (System.nanoTime() > deadline) {
                            break; // never acknowledged: the client gave up (counted below)
                        }
                        Thread.sleep(200);
                    }
                }
                return null;
            }));
        }
        // crash the database once a third has been acknowledged
        while (acknowledged.size() < ENTERPRISES / 3) {
            Thread.sleep(50);
        }
        long down = System.nanoTime();
        pg(PGBIN + "/pg_ctl -D " + DIR + "/data -m immediate stop");
        Thread.sleep(3000);
        startPostgres();
        double downSeconds = (System.nanoTime() - down) / 1e9;
        int ackedAtCrash = acknowledged.size();
        for (Future<?> f : clients) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int lost = 0, duplicated = 0, halfWritten = 0;
        for (Long ent : acknowledged) {
            List<Long> ids = jdbc.queryForList("select id from report where enterprise_id = ? and period_code = ?", Long.class, ent, P);
            if (ids.size() != 1) {
                lost++;
                continue;
            }
            long id = ids.get(0);
            int versions = jdbc.queryForObject("select count(*) from report_version where report_id = ?", Integer.class, id);
            long instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("REPORT:" + id).count();
            int inbox = jdbc.queryForObject("select count(*) from work_item where kind = 'REPORT' and subject_id = ?", Integer.class, id);
            if (versions == 0 || instances == 0 || inbox == 0) {
                lost++;
            } else if (versions > 1 || instances > 1 || inbox > 1) {
                duplicated++;
            }
        }
        halfWritten += jdbc.queryForObject("select count(*) from report where period_code = ? and state = 'PENDING_CITY'"
                + " and (process_instance_id is null or not exists (select 1 from report_version v where v.report_id = report.id))",
                Integer.class, P);
        halfWritten += jdbc.queryForObject("select count(*) from idempotency_key where response_json is null", Integer.class);
        int notAcknowledged = ENTERPRISES - acknowledged.size();
        System.out.printf("R1: %d submissions by %d clients, %d acknowledged (%d before the crash), %d never acknowledged,"
                        + " %d lost, %d duplicated, %d half-written; PostgreSQL down %.1f s (immediate stop + start);"
                        + " %d requests of which %d failed and were retried%n", ENTERPRISES, CLIENTS, acknowledged.size(),
                ackedAtCrash, notAcknowledged, lost, duplicated, halfWritten, downSeconds, attempts.get(), failedAttempts.get());
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(halfWritten).isZero();
        assertThat(notAcknowledged).isZero();
        assertThat(failedAttempts.get()).as("the restart must have been felt, or the scenario proved nothing").isPositive();
    }

    @AfterAll
    static void dropCluster() throws Exception {
        pg(PGBIN + "/pg_ctl -D " + DIR + "/data -m fast stop");
        sh("rm -rf " + DIR);
    }

    static String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + db;
    }

    static void startPostgres() throws IOException, InterruptedException {
        pg(PGBIN + "/pg_ctl -D " + DIR + "/data -l " + DIR + "/postgres.log -w start");
    }

    static void pg(String command) throws IOException, InterruptedException {
        sh("runuser -u postgres -- " + command);
    }

    static void sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + out);
        }
    }
}
