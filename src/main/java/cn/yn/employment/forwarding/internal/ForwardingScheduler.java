package cn.yn.employment.forwarding.internal;

import cn.yn.employment.common.time.TimeConfig;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registers the forwarding job and its cron trigger in Quartz (JDBC store) once the application is ready. */
@Component
class ForwardingScheduler {

    static final String GROUP = "forwarding";
    static final JobKey JOB = JobKey.jobKey("forwarding-retry", GROUP);
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("forwarding-retry-cron", GROUP);
    static final String CRON = "30 * * * * ?";

    private static final Logger log = LoggerFactory.getLogger(ForwardingScheduler.class);

    private final Scheduler scheduler;

    ForwardingScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        try {
            ensureJob();
        } catch (RuntimeException e) {
            log.error("could not plan the forwarding retry job", e);
        }
    }

    void ensureJob() {
        try {
            JobDetail detail = JobBuilder.newJob(ForwardingJob.class).withIdentity(JOB).storeDurably().build();
            if (!scheduler.checkExists(JOB)) {
                scheduler.addJob(detail, false);
            }
            Trigger existing = scheduler.getTrigger(TRIGGER);
            if (existing instanceof CronTrigger ct && ct.getCronExpression().equals(CRON)) {
                return;
            }
            Trigger t = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                    .withSchedule(CronScheduleBuilder.cronSchedule(CRON).inTimeZone(TimeZone.getTimeZone(TimeConfig.ZONE))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (existing == null) {
                scheduler.scheduleJob(t);
            } else {
                scheduler.rescheduleJob(TRIGGER, t);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
