package cn.yn.employment.statistics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** {@code ems.report.generation}: time to generate a statistics report file, by report (kind) and format (pdf, xlsx). */
@Component
public class GenerationMetrics {

    private final MeterRegistry registry;

    GenerationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public byte[] timed(String report, String format, Supplier<byte[]> generation) {
        return Timer.builder("ems.report.generation").description("Statistics report generation (PDF, Excel)")
                .tag("report", report).tag("format", format).publishPercentileHistogram()
                .register(registry).record(generation);
    }
}
