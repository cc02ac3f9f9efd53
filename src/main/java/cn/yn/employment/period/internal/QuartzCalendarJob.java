package cn.yn.employment.period.internal;

import cn.yn.employment.period.CalendarJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Quartz job of every calendar job detail: dispatches by the job key's name to {@link JobRunner}. Never
 * concurrent per job (cluster-wide with the JDBC store); the work itself is idempotent.
 */
@DisallowConcurrentExecution
public class QuartzCalendarJob implements Job {

    @Autowired
    private JobRunner runner;

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getJobDetail().getKey().getName();
        String node;
        try {
            node = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            node = "?";
        }
        String n = node;
        CalendarJob.byKey(name).ifPresent(job -> {
            if (context.isRecovering()) {
                // the node that fired it died mid-run (the job details request recovery): its run row is left RUNNING
                runner.closeInterrupted(job, n);
            }
            runner.run(job, n);
        });
    }
}
