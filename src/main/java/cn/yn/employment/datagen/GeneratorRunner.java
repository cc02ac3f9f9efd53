package cn.yn.employment.datagen;

import cn.yn.employment.common.security.SystemJob;
import cn.yn.employment.enterprise.EnterpriseBulkInserts;
import java.time.Clock;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the generator at start-up when {@code app.datagen.enterprises} is set — the "large demo" profile sets it —
 * unless the database already holds that many enterprises. With {@code app.datagen.exit=true} the application
 * stops afterwards (the command form, see docs/performance.md).
 */
@Component
@ConditionalOnProperty("app.datagen.enterprises")
@Order(10)
class GeneratorRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);

    private final ProvinceDataGenerator generator;
    private final EnterpriseBulkInserts existing;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final int enterprises;
    private final int months;
    private final long seed;
    private final boolean exit;

    GeneratorRunner(ProvinceDataGenerator generator, EnterpriseBulkInserts existing, Clock clock, ConfigurableApplicationContext context,
                    @Value("${app.datagen.enterprises}") int enterprises, @Value("${app.datagen.months:24}") int months,
                    @Value("${app.datagen.seed:20261125}") long seed, @Value("${app.datagen.exit:false}") boolean exit) {
        this.generator = generator;
        this.existing = existing;
        this.clock = clock;
        this.context = context;
        this.enterprises = enterprises;
        this.months = months;
        this.seed = seed;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        long present = SystemJob.call(ProvinceDataGenerator.ACTOR, existing::count);
        if (present >= enterprises) {
            log.info("data generator: {} enterprises present, nothing to do", present);
        } else {
            GenerationResult r = generator.generate(new GeneratorSettings(enterprises, months, seed, YearMonth.now(clock).minusMonths(1)));
            log.info("data generator: {}", r);
        }
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
