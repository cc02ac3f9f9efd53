package cn.yn.employment.report;

import cn.yn.employment.common.ops.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code ems.reports.submitted}: monthly reports submitted (first submission or resubmission), counted on commit. */
@Component
class ReportMetrics {

    private final Counter first;
    private final Counter resubmitted;

    ReportMetrics(MeterRegistry registry) {
        this.first = counter(registry, "first");
        this.resubmitted = counter(registry, "resubmission");
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("ems.reports.submitted").description("Monthly reports submitted into review")
                .tag("submission", kind).register(registry);
    }

    void submitted(boolean resubmission) {
        Counter c = resubmission ? resubmitted : first;
        AfterCommit.run(c::increment);
    }
}
