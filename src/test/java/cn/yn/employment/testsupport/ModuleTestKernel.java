package cn.yn.employment.testsupport;

import cn.yn.employment.common.time.TimeConfig;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What a module started alone ({@code @ApplicationModuleTest}) needs of the shared kernel and does not get, because
 * the open {@code common} module's beans are not bootstrapped with it: the business clock, fixed.
 */
@TestConfiguration
public class ModuleTestKernel {

    public static final Instant NOW = Instant.parse("2026-10-08T02:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, TimeConfig.ZONE);
    }
}
