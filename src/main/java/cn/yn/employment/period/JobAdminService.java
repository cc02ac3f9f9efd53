package cn.yn.employment.period;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.period.internal.CalendarScheduler;
import cn.yn.employment.period.internal.JobRunner;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quartz.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The jobs admin view: schedule and outcomes, and "run now". System administrators see all; province reviewers the calendar jobs. */
@Service
public class JobAdminService {

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;
    private final CalendarScheduler scheduler;
    private final JobRunner runner;
    private final AuditLog audit;

    JobAdminService(JdbcTemplate jdbc, CurrentUserProvider currentUser, CalendarScheduler scheduler, JobRunner runner,
                    AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.scheduler = scheduler;
        this.runner = runner;
        this.audit = audit;
    }

    public List<JobInfo> jobs() {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN, Role.PROVINCE_REVIEWER);
        return Arrays.stream(CalendarJob.values()).filter(j -> visible(me, j)).map(this::info).toList();
    }

    /** Runs the job now: through Quartz when the scheduler runs (asynchronously), else in this thread. Returns true if queued. */
    public boolean runNow(CalendarJob job) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN, Role.PROVINCE_REVIEWER);
        if (!visible(me, job)) {
            throw new AccessDeniedException("not your job");
        }
        audit.record("JOB_RUN_NOW", "job", job.key(), null, null);
        if (scheduler.triggerNow(job)) {
            return true;
        }
        runner.run(job, "manual:" + me.username());
        return false;
    }

    private static boolean visible(CurrentUser me, CalendarJob job) {
        return me.has(Role.SYSTEM_ADMIN) || job.calendar();
    }

    private JobInfo info(CalendarJob job) {
        List<? extends Trigger> triggers = scheduler.triggersOf(job);
        Instant next = triggers.stream().map(Trigger::getNextFireTime).filter(Objects::nonNull).map(Date::toInstant)
                .min(Instant::compareTo).orElse(null);
        List<Map<String, Object>> last = jdbc.queryForList("select fired_at, finished_at, outcome, message from job_run"
                + " where job = ? order by fired_at desc, id desc limit 1", job.key());
        if (last.isEmpty()) {
            return new JobInfo(job, next, null, null, null, null, triggers.size());
        }
        Map<String, Object> r = last.get(0);
        return new JobInfo(job, next, instant(r.get("fired_at")), instant(r.get("finished_at")), (String) r.get("outcome"),
                (String) r.get("message"), triggers.size());
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return Instant.parse(o.toString());
    }
}
