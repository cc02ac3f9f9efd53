package cn.yn.employment.processadmin;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Second line behind the model validator: the engine's expression manager sees only the approved beans
 * ({@link ApprovedEngineBeans}) instead of the whole application context, Flowable's Spring default.
 */
@Configuration
class ProcessEngineBeansConfig {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> approvedBeansOnly(AllowedBeans allowed,
                                                                                     ApplicationContext context) {
        return config -> config.setBeans(new ApprovedEngineBeans(allowed.names(), context));
    }
}
