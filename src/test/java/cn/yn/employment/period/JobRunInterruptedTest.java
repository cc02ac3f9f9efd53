package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.period.internal.JobRunner;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R2 found it: a node killed during a calendar job left its job_run row RUNNING for ever, although Quartz ran the
 * job again on the survivor. The recovering run now closes the dead run's row as INTERRUPTED (QuartzCalendarJob
 * calls this when {@code context.isRecovering()}; NodeKilledMidJobTest checks it across real processes).
 */
class JobRunInterruptedTest extends CalendarTestBase {

    @Autowired
    JobRunner runner;

    @Test
    void aRecoveredRunClosesTheDeadNodesRunningRowOfThatJobOnly() {
        CalendarJob job = CalendarJob.FLOWABLE_HISTORY_CLEANUP; // never fires during the suite (02:30 only)
        long dead = run(job.key(), "dead-node");
        long otherJob = run("r2-test-other-job", "dead-node");

        assertThat(runner.closeInterrupted(job, "survivor")).isEqualTo(1);

        Map<String, Object> row = jdbc.queryForMap("select outcome, finished_at, message from job_run where id = ?", dead);
        assertThat(row.get("outcome")).isEqualTo("INTERRUPTED");
        assertThat(row.get("finished_at")).isNotNull();
        assertThat((String) row.get("message")).contains("survivor");
        assertThat(jdbc.queryForObject("select outcome from job_run where id = ?", String.class, otherJob)).isEqualTo("RUNNING");
        // nothing left to close the second time
        assertThat(runner.closeInterrupted(job, "survivor")).isZero();
        jdbc.update("delete from job_run where id in (?, ?)", dead, otherJob);
    }

    private long run(String job, String node) {
        jdbc.update("insert into job_run (job, node, fired_at, outcome) values (?, ?, ?, 'RUNNING')", job, node,
                Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from job_run where job = ?", Long.class, job);
    }
}
