package cn.yn.employment.common.web;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Wiring of the API's error contract: the error-body filter on {@code /api/*} ahead of Spring Security, and a
 * handler for {@code /api/**} paths no controller serves. Without it such a path falls through to Vaadin's
 * catch-all mapping and answers 200 with the application's HTML page.
 */
@Configuration
class ApiWebConfig {

    /** Ahead of Spring Security's filter chain (-100), so its 401/403 go through the filter too. */
    static final int FILTER_ORDER = -110;

    @Bean
    FilterRegistrationBean<ApiErrorBodyFilter> apiErrorBodyFilter(ApiErrors errors) {
        FilterRegistrationBean<ApiErrorBodyFilter> registration = new FilterRegistrationBean<>(new ApiErrorBodyFilter(errors));
        registration.addUrlPatterns("/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    /**
     * After the controllers' mapping (order 0: a known path with the wrong method or media type still answers
     * 405/415 from there), before Vaadin's catch-all (lowest precedence - 1).
     */
    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping(ApiErrors errors) {
        HttpRequestHandler notFound = (request, response) -> errors.write(request, response, HttpStatus.NOT_FOUND, ApiErrors.NOT_FOUND);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound));
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return mapping;
    }
}
