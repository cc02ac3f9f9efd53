package cn.yn.employment.forwarding.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Quartz job {@code forwarding/forwarding-retry} (every minute, once across the cluster with the JDBC store): retries
 * the failed deliveries that are due and takes the ministry's acknowledgement files.
 */
@DisallowConcurrentExecution
public class ForwardingJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ForwardingJob.class);

    @Autowired
    private Forwarder forwarder;

    @Override
    public void execute(JobExecutionContext context) {
        int delivered = forwarder.retryDue();
        int acknowledged = forwarder.pollAcknowledgements();
        if (delivered + acknowledged > 0) {
            log.info("forwarding job: {} delivered on retry, {} acknowledged", delivered, acknowledged);
        }
    }
}
