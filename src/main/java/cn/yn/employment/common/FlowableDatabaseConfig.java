package cn.yn.employment.common;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flowable's own H2 scripts use the {@code identity} type, which H2 2.x refuses in PostgreSQL mode; and the
 * openGauss driver reports a product name Flowable does not know. In both cases the database speaks
 * PostgreSQL, so Flowable is told so.
 */
@Configuration
class FlowableDatabaseConfig {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> flowableDatabaseType(
            @Value("${spring.datasource.url}") String url) {
        return config -> {
            if (url.startsWith("jdbc:opengauss:") || url.startsWith("jdbc:h2:") && url.toUpperCase().contains("MODE=POSTGRESQL")) {
                config.setDatabaseType("postgres");
            }
        };
    }
}
