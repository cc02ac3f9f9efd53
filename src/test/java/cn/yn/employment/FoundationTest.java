package cn.yn.employment;

import cn.yn.employment.common.time.TimeConfig;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One shared Spring context for the foundation's tests (accounts, audit, codes, parameters, demo, ui): the demo
 * accounts and enterprises are seeded (other modules' demo contributors are not run), MockMvc is available and
 * time is a {@link TestClock}. Extend it to reuse the same context.
 */
@SpringBootTest(properties = {"app.demo.enabled=true", "app.demo.contributors-enabled=false"})
@AutoConfigureMockMvc
@Import(FoundationTest.Config.class)
public abstract class FoundationTest {

    @Autowired
    protected TestClock clock;

    @AfterEach
    void resetClockAndSecurity() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @TestConfiguration
    public static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(TimeConfig.ZONE);
        }
    }
}
