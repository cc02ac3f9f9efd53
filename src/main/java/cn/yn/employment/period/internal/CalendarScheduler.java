package cn.yn.employment.period.internal;

import cn.yn.employment.period.CalendarJob;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodCreated;
import cn.yn.employment.period.PeriodCalendarService.CalendarPeriod;
import cn.yn.employment.period.CityWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Quartz owns time: this plans the triggers from the periods' data. Each period gets, in trigger group
 * {@code period:<code>}, a one-shot trigger for its opening, one for each distinct window end (close) and one per
 * reminder offset before each end. Fixed jobs (grant expiry, SLA, history cleanup, re-planning) have cron triggers.
 * One-shot triggers use MISFIRE_INSTRUCTION_FIRE_NOW and crons fire-once-now, so a fire missed while the
 * application was down runs once on restart. Existing triggers are kept as they are (their misfire state is what
 * makes catch-up work); only changed or new instants are (re)planned, and only future instants are added.
 */
@Component
public class CalendarScheduler {

    private static final Logger log = LoggerFactory.getLogger(CalendarScheduler.class);
    static final String PERIOD_GROUP_PREFIX = "period:";

    private final Scheduler scheduler;
    private final PeriodCalendarService calendar;
    private final Clock clock;

    CalendarScheduler(Scheduler scheduler, PeriodCalendarService calendar, Clock clock) {
        this.scheduler = scheduler;
        this.calendar = calendar;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        try {
            ensureJobs();
            syncAll();
        } catch (RuntimeException e) {
            log.error("could not plan the calendar triggers", e);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onChanged(PeriodCalendarService.CalendarChanged e) {
        sync(calendar.period(e.periodCode()));
    }

    /** A new period's state already follows the clock (PeriodService.create); it only needs its triggers. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onCreated(PeriodCreated e) {
        try {
            ensureJobs(); // a period may be created before the application is ready (demo seeding, data generator)
            sync(calendar.period(e.periodCode()));
        } catch (RuntimeException ex) {
            // the period is committed; the re-planning job plans it within 10 minutes
            log.error("could not plan the triggers of period {} now", e.periodCode(), ex);
        }
    }

    /** Durable job details for every calendar job, and the cron triggers of the fixed-schedule ones. */
    public void ensureJobs() {
        try {
            for (CalendarJob job : CalendarJob.values()) {
                JobDetail detail = JobBuilder.newJob(QuartzCalendarJob.class).withIdentity(job.key(), CalendarJob.GROUP)
                        .storeDurably().requestRecovery().build();
                if (!scheduler.checkExists(detail.getKey())) {
                    scheduler.addJob(detail, false);
                }
                if (job.cron() != null) {
                    TriggerKey tk = TriggerKey.triggerKey(job.key() + "-cron", CalendarJob.GROUP);
                    Trigger existing = scheduler.getTrigger(tk);
                    if (existing instanceof CronTrigger ct && ct.getCronExpression().equals(job.cron())) {
                        continue;
                    }
                    Trigger t = TriggerBuilder.newTrigger().withIdentity(tk).forJob(detail.getKey())
                            .withSchedule(CronScheduleBuilder.cronSchedule(job.cron())
                                    .inTimeZone(java.util.TimeZone.getTimeZone(cn.yn.employment.common.time.TimeConfig.ZONE))
                                    .withMisfireHandlingInstructionFireAndProceed())
                            .build();
                    if (existing == null) {
                        scheduler.scheduleJob(t);
                    } else {
                        scheduler.rescheduleJob(tk, t);
                    }
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Re-plans every period's triggers. Returns the number of period triggers planned in total. */
    public int syncAll() {
        int n = 0;
        Set<String> known = new TreeSet<>();
        for (CalendarPeriod p : calendar.periods()) {
            known.add(PERIOD_GROUP_PREFIX + p.code());
            n += sync(p);
        }
        try {
            for (String group : scheduler.getTriggerGroupNames()) {
                if (group.startsWith(PERIOD_GROUP_PREFIX) && !known.contains(group)) {
                    for (TriggerKey k : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))) {
                        scheduler.unscheduleJob(k);
                    }
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** The instants a period needs, by trigger key. */
    public Map<TriggerKey, Planned> plan(CalendarPeriod p) {
        Map<TriggerKey, Planned> plan = new LinkedHashMap<>();
        String group = PERIOD_GROUP_PREFIX + p.code();
        if ("SCHEDULED".equals(p.state())) {
            plan.put(TriggerKey.triggerKey("open", group), new Planned(CalendarJob.PERIOD_OPEN, p.firstStart()));
        }
        if ("SCHEDULED".equals(p.state()) || "OPEN".equals(p.state())) {
            Set<Instant> ends = new TreeSet<>();
            ends.add(p.windowEnd());
            p.cityWindows().stream().map(CityWindow::end).forEach(ends::add);
            for (Instant end : ends) {
                plan.put(TriggerKey.triggerKey("close@" + end.getEpochSecond(), group), new Planned(CalendarJob.PERIOD_CLOSE, end));
                for (int d : p.reminderOffsets()) {
                    Instant at = end.minus(Duration.ofDays(d));
                    plan.put(TriggerKey.triggerKey("remind-" + d + "@" + end.getEpochSecond(), group),
                            new Planned(CalendarJob.PERIOD_REMIND, at));
                }
            }
        }
        return plan;
    }

    /** A trigger to be: which job, when. */
    public record Planned(CalendarJob job, Instant at) {
    }

    int sync(CalendarPeriod p) {
        Map<TriggerKey, Planned> plan = plan(p);
        Instant now = clock.instant();
        try {
            for (TriggerKey k : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(PERIOD_GROUP_PREFIX + p.code()))) {
                Planned want = plan.get(k);
                Trigger t = scheduler.getTrigger(k);
                if (want == null || t == null || t.getStartTime().getTime() != want.at().toEpochMilli()) {
                    scheduler.unscheduleJob(k);
                } else {
                    plan.remove(k); // keep as it is, including a pending misfire
                }
            }
            int added = 0;
            for (Map.Entry<TriggerKey, Planned> e : plan.entrySet()) {
                if (!e.getValue().at().isAfter(now)) {
                    continue;
                }
                Trigger t = TriggerBuilder.newTrigger().withIdentity(e.getKey())
                        .forJob(JobKey.jobKey(e.getValue().job().key(), CalendarJob.GROUP))
                        .startAt(Date.from(e.getValue().at()))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build();
                scheduler.scheduleJob(t);
                added++;
            }
            return added;
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All triggers of a job, for the admin view. */
    public java.util.List<? extends Trigger> triggersOf(CalendarJob job) {
        try {
            return scheduler.getTriggersOfJob(JobKey.jobKey(job.key(), CalendarJob.GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fires the job now through Quartz when the scheduler runs; returns false when it does not (caller runs inline). */
    public boolean triggerNow(CalendarJob job) {
        try {
            if (scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown()) {
                scheduler.triggerJob(JobKey.jobKey(job.key(), CalendarJob.GROUP));
                return true;
            }
            return false;
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
