package cn.yn.employment.demo.internal;

import cn.yn.employment.demo.DemoRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Demo data: only with {@code app.demo.enabled=true} (the default profile). */
@Configuration
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoConfig {

    @Bean
    DemoRunner demoRunner(UserDetailsService userDetails) {
        return new DemoRunner(userDetails);
    }
}
