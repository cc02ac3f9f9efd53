package cn.yn.employment.bench;

import cn.yn.employment.common.time.TimeConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Benchmarks run "at the deadline": the clock ticks normally but is shifted to the 5th of the month in which
 * the previous month's period is open.
 */
@TestConfiguration
public class BenchClock {

    public static final YearMonth OPEN_PERIOD = YearMonth.now(TimeConfig.ZONE).minusMonths(1);

    @Bean
    @Primary
    Clock benchClock() {
        Instant target = OPEN_PERIOD.plusMonths(1).atDay(5).atTime(10, 0).atZone(TimeConfig.ZONE).toInstant();
        return Clock.offset(Clock.system(TimeConfig.ZONE), Duration.between(Instant.now(), target));
    }
}
