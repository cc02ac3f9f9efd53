package cn.yn.employment.period.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code ems.jobs.runs}: calendar job runs by job (job_name, the job's key) and outcome (ok, failed). */
@Component
class JobMetrics {

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void ran(String jobKey, String outcome) {
        Counter.builder("ems.jobs.runs").description("Calendar job runs (Quartz or run now), as recorded in job_run")
                .tag("job_name", jobKey).tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }
}
