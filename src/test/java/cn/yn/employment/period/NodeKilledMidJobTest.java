package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.period.R2Cluster.Node;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

/**
 * QUALITY.md R2: two application nodes (separate JVMs) on one PostgreSQL database, one killed with {@code kill -9}
 * in the middle of a period close, of a reminder pass and while it holds Flowable timer jobs; the survivor must do
 * each job's work exactly once. The killed node is restarted (as systemd would) under a new instance id before the
 * next phase, so every phase starts with two nodes. Own throwaway cluster (port 25510 under /tmp); nodes on ports
 * 19300–19303. {@code ./mvnw -B -Preliability verify -Dtest=NodeKilledMidJobTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (root; PostgreSQL 15's binaries). Prints its figures (lines starting {@code R2}) for docs/reliability.md.
 */
@Tag("reliability")
class NodeKilledMidJobTest {

    static final int ENTERPRISES = Integer.getInteger("r2.enterprises", 20_000);
    static final int TIMERS = Integer.getInteger("r2.timers", 400);
    static final long REMIND_KILL_AFTER_MS = Long.getLong("r2.remindKillAfterMs", 1500);
    static final String CLOSE = "2040-01";
    static final String REMIND = "2040-02";
    static final String REPORTED = "('PENDING_CITY','PENDING_PROVINCE','ACCEPTED','FORWARDED')";

    /** Which node ran the job when it was killed, how long after the job started, and its Quartz fired-trigger row. */
    record Killed(Node node, Instant started, Instant killedAt, String requestsRecovery, String transaction) {
        long afterMs() {
            return Duration.between(started, killedAt).toMillis();
        }
    }

    @Test
    void theSurvivorDoesEachJobOnceAndTimersFireOnce() throws Exception {
        try (R2Cluster cluster = new R2Cluster().start()) {
            try {
                Instant t0 = Instant.now();
                cluster.startNode("r2-a");
                cluster.startNode("r2-b");
                System.out.printf("R2 setup: two nodes up in %d s (load average %.1f)%n",
                        Duration.between(t0, Instant.now()).toSeconds(), loadAverage());
                province(cluster);
                Node restarted = closeKilledMidway(cluster);
                cluster.awaitReady(restarted);
                restarted = remindersKilledMidway(cluster);
                cluster.awaitReady(restarted);
                timersKilledWhileLocked(cluster);
            } catch (Throwable t) {
                System.out.println(cluster.logTails());
                throw t;
            }
        }
    }

    /**
     * Filed enterprises in two cities (every 8th in 530100); every 5th has submitted both periods, every 7th of the
     * rest has a draft of the period that is closed.
     */
    private static void province(R2Cluster c) throws Exception {
        Instant t = Instant.now();
        c.update("insert into enterprise (uscc, org_code, name, county_code, city_code, registration_type, industry_section,"
                + " industry_division, email, phone, baseline_headcount, filing_state, filed_at, created_at, updated_at)"
                + " select '9' || lpad(g::text, 17, '0'), lpad(g::text, 9, '0'), 'R2企业' || g,"
                + " case when g % 8 = 0 then '530102' else '530302' end, case when g % 8 = 0 then '530100' else '530300' end,"
                + " '110', 'C', '13', 'r2-' || g || '@example.com', '138' || lpad(g::text, 8, '0'), 50, 'FILED', now(), now(), now()"
                + " from generate_series(1, ?) g", ENTERPRISES);
        Instant now = Instant.now();
        insertPeriod(c, REMIND, now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(20)));
        for (String period : List.of(CLOSE, REMIND)) {
            c.update("insert into report (enterprise_id, period_code, city_code, county_code, industry_section, industry_division,"
                    + " registration_type, state, baseline_headcount, headcount, hired, separated, dispatched, created_at, updated_at)"
                    + " select e.id, ?, e.city_code,"
                    + " e.county_code, e.industry_section, e.industry_division, e.registration_type,"
                    + " case when e.id % 5 = 0 then 'PENDING_CITY' else 'DRAFT' end, 50, 50, 1, 1, 0, now(), now() from enterprise e"
                    + " where e.id % 5 = 0 or (e.id % 7 = 0 and ? = '" + CLOSE + "')", period, period);
        }
        System.out.printf("R2 data: %,d filed enterprises and their reports inserted in %d s%n", ENTERPRISES,
                Duration.between(t, Instant.now()).toSeconds());
    }

    private static void insertPeriod(R2Cluster c, String code, Instant start, Instant end) throws Exception {
        c.update("insert into survey_period (code, window_start, window_end, state, reminder_offsets, created_at, updated_at)"
                + " values (?, ?, ?, 'OPEN', '3,1', now(), now())", code, Timestamp.from(start), Timestamp.from(end));
    }

    // ------------------------------------------------------------------ the close

    private Node closeKilledMidway(R2Cluster c) throws Exception {
        Instant end = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        insertPeriod(c, CLOSE, end.minus(Duration.ofDays(5)), end);
        long expected = c.count("select count(*) from enterprise e where e.filing_state = 'FILED' and not exists (select 1"
                + " from report r where r.enterprise_id = e.id and r.period_code = ? and r.state in " + REPORTED + ")", CLOSE);
        long drafts = c.count("select count(*) from report where period_code = ? and state = 'DRAFT'", CLOSE);
        long outboxBefore = c.count("select count(*) from outbox_message");
        // the trigger CalendarScheduler plans for a window end (same key, instant and misfire rule)
        plan(c, "close@" + end.getEpochSecond(), "period:" + CLOSE, CalendarJob.PERIOD_CLOSE, end);

        Killed k = killWhenRunning(c, CalendarJob.PERIOD_CLOSE, 0);
        Thread.sleep(2000);
        String stateAfterKill = (String) c.value("select state from survey_period where code = ?", CLOSE);
        long missingAfterKill = c.count("select count(*) from report where period_code = ? and state = 'MISSING'", CLOSE);
        Node restart = c.launch(k.node().id() + "x");

        await(Duration.ofMinutes(10), () -> "CLOSED".equals(c.value("select state from survey_period where code = ?", CLOSE)));
        Instant closedAt = Instant.now();
        Thread.sleep(5000); // would a second run show up?
        List<String> okNodes = c.strings("select node from job_run where job = ? and outcome = 'OK'", CalendarJob.PERIOD_CLOSE.key());
        long missing = c.count("select count(*) from report where period_code = ? and state = 'MISSING'", CLOSE);
        long duplicateReports = c.count("select count(*) - count(distinct enterprise_id) from report where period_code = ?", CLOSE);
        long marked = c.count("select count(*) from report_missing_draft where period_code = ?", CLOSE);
        long audits = c.count("select count(*) from audit_log where action = 'PERIOD_CLOSED' and target_id = ?", CLOSE);
        long outbox = c.count("select count(*) from outbox_message") - outboxBefore;
        long staleRuns = c.count("select count(*) from job_run where job = ? and outcome = 'RUNNING'", CalendarJob.PERIOD_CLOSE.key());
        long interrupted = c.count("select count(*) from job_run where job = ? and outcome = 'INTERRUPTED'", CalendarJob.PERIOD_CLOSE.key());
        System.out.printf("R2 close: %,d filed enterprises, %,d without a submitted report (%,d of them with a draft); close started"
                        + " on %s, killed -9 %d ms later (fired trigger requests_recovery=%s; its transaction: %s), state after the kill %s with"
                        + " %d 缺报 rows committed; completed by %s %.1f s after the kill (node restarted meanwhile as %s):"
                        + " %,d 缺报 rows (expected %,d), %,d drafts recorded once, %d OK run(s), %d PERIOD_CLOSED audit entr%s,"
                        + " %d duplicate reports, %d outbox rows; the dead node's run recorded INTERRUPTED %d, left RUNNING %d%n",
                ENTERPRISES, expected, drafts, k.node().id(), k.afterMs(), k.requestsRecovery(), k.transaction(), stateAfterKill, missingAfterKill,
                okNodes, Duration.between(k.killedAt(), closedAt).toMillis() / 1000.0, restart.id(), missing, expected, marked,
                okNodes.size(), audits, audits == 1 ? "y" : "ies", duplicateReports, outbox, interrupted, staleRuns);
        assertThat(stateAfterKill).as("the kill must land inside the close's transaction, or the phase proved nothing").isEqualTo("OPEN");
        assertThat(missingAfterKill).isZero();
        assertThat(okNodes).hasSize(1).doesNotContain(k.node().id());
        assertThat(missing).isEqualTo(expected);
        assertThat(marked).isEqualTo(drafts);
        assertThat(duplicateReports).isZero();
        assertThat(audits).isEqualTo(1);
        assertThat(outbox).isZero();
        assertThat(interrupted).isEqualTo(1);
        assertThat(staleRuns).isZero();
        return restart;
    }

    // ------------------------------------------------------------------ the reminder pass

    private Node remindersKilledMidway(R2Cluster c) throws Exception {
        Instant at = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        Instant cityEnd = at.plus(Duration.ofDays(3));
        // 530100 gets its own window ending in 3 days: its enterprises are due the 3-day reminder at `at`; the rest
        // of the province (window ends in 20 days) is not due any reminder yet
        c.update("insert into period_city_window (period_code, city_code, window_start, window_end) values (?, '530100', ?, ?)",
                REMIND, Timestamp.from(at.minus(Duration.ofDays(10))), Timestamp.from(cityEnd));
        long expected = c.count("select count(*) from enterprise e where e.filing_state = 'FILED' and e.city_code = '530100'"
                + " and not exists (select 1 from report r where r.enterprise_id = e.id and r.period_code = ? and r.state in "
                + REPORTED + ")", REMIND);
        plan(c, "remind-3@" + cityEnd.getEpochSecond(), "period:" + REMIND, CalendarJob.PERIOD_REMIND, at);

        Killed k = killWhenRunning(c, CalendarJob.PERIOD_REMIND, REMIND_KILL_AFTER_MS);
        Thread.sleep(2000);
        long sentAfterKill = c.count("select count(*) from period_reminder_sent where period_code = ?", REMIND);
        long outboxAfterKill = c.count("select count(*) from outbox_message where kind = 'REMINDER'");
        Node restart = c.launch(k.node().id() + "y");

        await(Duration.ofMinutes(15), () -> c.count("select count(*) from job_run where job = ? and outcome in ('OK', 'FAILED')",
                CalendarJob.PERIOD_REMIND.key()) > 0);
        Instant doneAt = Instant.now();
        Thread.sleep(5000);
        List<String> okNodes = c.strings("select node from job_run where job = ? and outcome = 'OK'", CalendarJob.PERIOD_REMIND.key());
        String message = String.join(",", c.strings("select message from job_run where job = ? and outcome in ('OK', 'FAILED')",
                CalendarJob.PERIOD_REMIND.key()));
        long sent = c.count("select count(*) from period_reminder_sent where period_code = ?", REMIND);
        long emails = c.count("select count(*) from outbox_message where kind = 'REMINDER' and channel = 'EMAIL'");
        long sms = c.count("select count(*) from outbox_message where kind = 'REMINDER' and channel = 'SMS'");
        long duplicates = c.count("select count(*) from (select recipient, channel from outbox_message where kind = 'REMINDER'"
                + " group by recipient, channel having count(*) > 1) d");
        long stale = c.count("select count(*) from job_run where job = ? and outcome = 'RUNNING'", CalendarJob.PERIOD_REMIND.key());
        long wrongCity = c.count("select count(*) from period_reminder_sent s join enterprise e on e.id = s.enterprise_id"
                + " where s.period_code = ? and e.city_code <> '530100'", REMIND);
        System.out.printf("R2 reminders: %,d enterprises due the 3-day reminder; pass started on %s, killed -9 %d ms later"
                        + " (requests_recovery=%s; its transaction: %s) with %d reminders and %d outbox rows committed; completed by %s %.1f s after"
                        + " the kill (\"%s\"; node restarted meanwhile as %s): %,d enterprises reminded (expected %,d), %,d e-mails"
                        + " and %,d SMS in the outbox, %d recipients with more than one message of a channel, %d reminded outside"
                        + " the due city, %d OK run(s), %d run(s) left RUNNING%n",
                expected, k.node().id(), k.afterMs(), k.requestsRecovery(), k.transaction(), sentAfterKill, outboxAfterKill, okNodes,
                Duration.between(k.killedAt(), doneAt).toMillis() / 1000.0, message, restart.id(), sent, expected, emails, sms,
                duplicates, wrongCity, okNodes.size(), stale);
        assertThat(sentAfterKill).as("the kill must land inside the pass's transaction, or the phase proved nothing").isZero();
        assertThat(outboxAfterKill).isZero();
        assertThat(okNodes).hasSize(1).doesNotContain(k.node().id());
        assertThat(sent).isEqualTo(expected);
        assertThat(emails).isEqualTo(expected);
        assertThat(sms).isEqualTo(expected);
        assertThat(duplicates).isZero();
        assertThat(wrongCity).isZero();
        assertThat(stale).isZero();
        return restart;
    }

    // ------------------------------------------------------------------ Flowable timers

    private void timersKilledWhileLocked(R2Cluster c) throws Exception {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        cfg.setEngineName("r2-starter");
        cfg.setJdbcUrl(R2Cluster.url(R2Cluster.DB));
        cfg.setJdbcUsername("postgres");
        cfg.setJdbcPassword("");
        cfg.setJdbcDriver("org.postgresql.Driver");
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        cfg.setAsyncExecutorActivate(false); // this engine only deploys and starts; the nodes' executors fire the timers
        cfg.setHistoryLevel(HistoryLevel.AUDIT);
        cfg.setDisableIdmEngine(true);
        cfg.setDisableEventRegistry(true);
        ProcessEngine engine = cfg.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().name("r2-timer")
                    .addClasspathResource("reliability/r2-timer.bpmn20.xml").deploy();
            Instant due = Instant.now().plusSeconds(40);
            for (int i = 0; i < TIMERS; i++) {
                engine.getRuntimeService().startProcessInstanceByKey("r2Timer", "R2:" + i, Map.of("due", Date.from(due)));
            }
            System.out.printf("R2 timers: %d instances started, due %s (%d s after the last start)%n", TIMERS, due,
                    Duration.between(Instant.now(), due).toSeconds());
        } finally {
            engine.close();
        }
        String locks = "select lock_owner_ from act_ru_job where lock_owner_ is not null union all"
                + " select lock_owner_ from act_ru_timer_job where lock_owner_ is not null";
        String[] holder = new String[1];
        await(Duration.ofMinutes(5), () -> {
            List<String> owners = c.strings("select lock_owner_ from (" + locks + ") l group by lock_owner_ order by count(*) desc");
            holder[0] = owners.stream().filter(o -> c.node(o) != null && c.node(o).alive()).findFirst().orElse(null);
            return holder[0] != null;
        }, 10);
        Node victim = c.node(holder[0]);
        c.kill9(victim);
        Instant killedAt = Instant.now();
        Thread.sleep(1000);
        long heldByDead = c.count("select count(*) from (" + locks + ") l where lock_owner_ = ?", victim.id());
        await(Duration.ofMinutes(10), () -> c.count("select count(*) from act_hi_procinst where proc_def_id_ like 'r2Timer:%'"
                + " and end_time_ is null") == 0);
        Instant doneAt = Instant.now();
        Thread.sleep(5000);
        long fired = c.count("select count(*) from act_hi_actinst where act_id_ = 'fired'");
        long firedTwice = c.count("select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = 'fired'"
                + " group by proc_inst_id_ having count(*) > 1) d");
        long waits = c.count("select count(*) from act_hi_actinst where act_id_ = 'wait' and end_time_ is not null");
        long deadLetters = c.count("select count(*) from act_ru_deadletter_job");
        long leftJobs = c.count("select (select count(*) from act_ru_job) + (select count(*) from act_ru_timer_job)");
        System.out.printf("R2 timers: %s killed -9 while holding timer/job locks (%d still locked by it 1 s after the kill);"
                        + " all %d instances ended %.1f s after the kill: %d timer activities completed, %d end events reached,"
                        + " %d instances fired twice, %d dead-letter jobs, %d jobs left%n",
                victim.id(), heldByDead, TIMERS, Duration.between(killedAt, doneAt).toMillis() / 1000.0, waits, fired, firedTwice,
                deadLetters, leftJobs);
        assertThat(heldByDead).as("the killed node must still hold locks, or lock expiry was not exercised").isPositive();
        assertThat(fired).isEqualTo(TIMERS);
        assertThat(waits).isEqualTo(TIMERS);
        assertThat(firedTwice).isZero();
        assertThat(deadLetters).isZero();
        assertThat(leftJobs).isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** Writes a one-shot trigger for a calendar job as CalendarScheduler.sync does (misfire: fire now). */
    private static void plan(R2Cluster c, String key, String group, CalendarJob job, Instant at) throws Exception {
        c.quartz().scheduleJob(TriggerBuilder.newTrigger().withIdentity(key, group)
                .forJob(JobKey.jobKey(job.key(), CalendarJob.GROUP)).startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build());
    }

    /** Watches job_run for the job to start on a node, waits {@code afterMs} and kills that node with -9. */
    private static Killed killWhenRunning(R2Cluster c, CalendarJob job, long afterMs) throws Exception {
        String[] node = new String[1];
        await(Duration.ofMinutes(3), () -> {
            List<String> running = c.strings("select node from job_run where job = ? and outcome = 'RUNNING'", job.key());
            node[0] = running.isEmpty() ? null : running.get(0);
            return node[0] != null;
        }, 10);
        Instant started = Instant.now();
        if (afterMs > 0) {
            Thread.sleep(afterMs);
        }
        Node victim = c.node(node[0]);
        // the node's oldest open transaction as the database sees it just before the kill
        List<String> tx = c.strings("select round(extract(epoch from clock_timestamp() - xact_start) * 1000) || ' ms open, '"
                + " || state || ', last statement: ' || left(query, 60) from pg_stat_activity where application_name = ?"
                + " and xact_start is not null order by xact_start limit 1", victim.id());
        c.kill9(victim);
        Instant killedAt = Instant.now();
        String recovery = String.valueOf(c.value("select requests_recovery from qrtz_fired_triggers where instance_name = ?"
                + " and job_name = ?", victim.id(), job.key()));
        return new Killed(victim, started, killedAt, recovery, tx.isEmpty() ? "none" : tx.get(0));
    }

    private static void await(Duration atMost, Callable<Boolean> condition) throws Exception {
        await(atMost, condition, 500);
    }

    private static void await(Duration atMost, Callable<Boolean> condition, long pollMs) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + atMost);
            }
            Thread.sleep(pollMs);
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
