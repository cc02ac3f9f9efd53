package cn.yn.employment.review.internal;

import cn.yn.employment.common.security.CurrentUserProvider;
import java.util.ArrayList;
import java.util.List;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the inbox projection as a global engine event listener, and makes the signed-in user the engine's
 * authenticated user ({@link SignedInUserAuthenticationContext}).
 */
@Configuration
class ReviewEngineConfig {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> reviewInboxProjection(WorkItemProjection projection,
                                                                                         CurrentUserProvider users) {
        return config -> {
            Authentication.setAuthenticationContext(new SignedInUserAuthenticationContext(users));
            List<FlowableEventListener> listeners = config.getEventListeners() == null
                    ? new ArrayList<>() : new ArrayList<>(config.getEventListeners());
            listeners.add(projection);
            config.setEventListeners(listeners);
        };
    }
}
