package cn.yn.employment.common.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator lives on the management port ({@code management.server.port}, internal address). On the
 * application's own port only the load balancer's {@code /actuator/health} (status only) remains, next to
 * Boot's {@code /livez} and {@code /readyz}; every other {@code /actuator/**} path answers 404 there, before
 * security and before Vaadin (which would otherwise answer an unknown path with its page and a 200).
 */
@Configuration
class ManagementPortSeparation {

    /** Only in the main server's context: Boot copies just the security filter into the management server. */
    @Bean
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    FilterRegistrationBean<MainPortActuatorFilter> mainPortActuatorFilter(HealthEndpoint health, HttpCodeStatusMapper codes) {
        FilterRegistrationBean<MainPortActuatorFilter> registration =
                new FilterRegistrationBean<>(new MainPortActuatorFilter(health, codes));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * With management on the application's port every actuator endpoint would be public again, so a node
     * refuses to start that way (a node environment that sets MANAGEMENT_SERVER_PORT = SERVER_PORT by mistake).
     * Tests that use MockMvc allow it ({@code app.ops.shared-management-port-allowed}).
     */
    @Bean
    @ConditionalOnManagementPort(ManagementPortType.SAME)
    Object sharedManagementPortGuard(@Value("${app.ops.shared-management-port-allowed:false}") boolean allowed) {
        if (!allowed) {
            throw new IllegalStateException("management.server.port must differ from server.port: actuator endpoints"
                    + " (metrics, info) must not be served on the public port");
        }
        return new Object();
    }

    static final class MainPortActuatorFilter extends OncePerRequestFilter {

        private final HealthEndpoint health;
        private final HttpCodeStatusMapper codes;

        MainPortActuatorFilter(HealthEndpoint health, HttpCodeStatusMapper codes) {
            this.health = health;
            this.codes = codes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            if (read && "/actuator/health".equals(path)) {
                Status status = health.health().getStatus();
                response.setStatus(codes.getStatusCode(status));
                response.setContentType("application/json");
                response.getWriter().write("{\"status\":\"" + status.getCode() + "\"}");
                return;
            }
            // (no sendError: an error dispatch would reach Vaadin's error page)
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
