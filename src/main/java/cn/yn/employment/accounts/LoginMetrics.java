package cn.yn.employment.accounts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

@Component
class LoginMetrics {

    private final Counter failed;

    LoginMetrics(MeterRegistry registry) {
        this.failed = Counter.builder("ems.login.failed").description("Failed login attempts").register(registry);
    }

    void failedLogin() {
        failed.increment();
    }
}
