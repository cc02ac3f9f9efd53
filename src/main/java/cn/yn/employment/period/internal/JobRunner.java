package cn.yn.employment.period.internal;

import cn.yn.employment.period.CalendarJob;
import cn.yn.employment.period.ChaseService;
import cn.yn.employment.period.LateFilingService;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodReminders;
import cn.yn.employment.review.ReviewEscalation;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Runs a calendar job's work and records the run (job_run: fired_at, finished_at, outcome, message). Used by the
 * Quartz job class and by "run now" when the scheduler is not running.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PeriodCalendarService calendar;
    private final PeriodReminders reminders;
    private final LateFilingService grants;
    private final ReviewEscalation sla;
    private final FlowableHistoryCleanup cleanup;
    private final CalendarScheduler scheduler;
    private final JobMetrics metrics;

    JobRunner(JdbcTemplate jdbc, Clock clock, PeriodCalendarService calendar, PeriodReminders reminders, LateFilingService grants, ReviewEscalation sla,
              FlowableHistoryCleanup cleanup, @Lazy CalendarScheduler scheduler, JobMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
        this.reminders = reminders;
        this.grants = grants;
        this.sla = sla;
        this.cleanup = cleanup;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    /** Runs the job now in this thread; returns the outcome (OK or FAILED). Never throws. */
    public String run(CalendarJob job, String node) {
        return record(job, node, switch (job) {
            case PERIOD_OPEN -> () -> "opened " + calendar.openDue();
            case PERIOD_REMIND -> () -> "reminded " + reminders.remindDue();
            case PERIOD_CLOSE -> () -> "closed " + calendar.closeDue();
            case GRANT_EXPIRY -> () -> "expired " + grants.expireDue();
            case REVIEW_SLA -> () -> "escalated " + sla.escalateOverdue();
            case CALENDAR_SYNC -> () -> "triggers " + scheduler.syncAll();
            case FLOWABLE_HISTORY_CLEANUP -> () -> "deleted " + cleanup.clean();
        });
    }

    /**
     * Quartz runs a job again because the node that was running it died ({@code kill -9}, power loss): that node's
     * run row can never finish, so it is closed as INTERRUPTED instead of showing RUNNING for ever. Safe to do for
     * every RUNNING row of the job: a calendar job never runs twice at once in the cluster (DisallowConcurrentExecution
     * on the clustered JDBC store), so while this recovery runs no other run of it is alive.
     */
    public int closeInterrupted(CalendarJob job, String node) {
        return jdbc.update("update job_run set finished_at = ?, outcome = 'INTERRUPTED', message = ? where job = ?"
                + " and outcome = 'RUNNING'", Timestamp.from(clock.instant()), "node died during the run; run again on " + node,
                job.key());
    }

    private String record(CalendarJob job, String node, Supplier<String> work) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp fired = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into job_run (job, node, fired_at, outcome) values (?, ?, ?, 'RUNNING')",
                    new String[] {"id"});
            ps.setString(1, job.key());
            ps.setString(2, node);
            ps.setTimestamp(3, fired);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        String outcome;
        String message;
        try {
            message = work.get();
            outcome = "OK";
        } catch (RuntimeException e) {
            log.error("job {} failed", job.key(), e);
            outcome = "FAILED";
            message = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        jdbc.update("update job_run set finished_at = ?, outcome = ?, message = ? where id = ?",
                Timestamp.from(clock.instant()), outcome, message == null ? null
                        : message.length() > 2000 ? message.substring(0, 2000) : message, id);
        metrics.ran(job.key(), outcome);
        return outcome;
    }
}
