package cn.yn.employment.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of every sign-in: the login form's POST /login and any API request carrying
 * HTTP Basic credentials. A throttled address gets, unchecked, what a wrong password gets on the form (a redirect to
 * /login?error, so the page tells nothing about accounts) and 429 with Retry-After on the API. Failures are read from
 * the response: the form's redirect to /login?error, the API's 401.
 */
@Configuration
class LoginThrottleFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilterRegistration(LoginThrottle throttle) {
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new ThrottleFilter(throttle));
        r.addUrlPatterns("/login", "/api/*");
        // before Spring Security's chain (order -100), so a throttled attempt never reaches the password check
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return r;
    }

    static final class ThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        ThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean form = "POST".equals(request.getMethod()) && "/login".equals(path(request));
            String auth = request.getHeader("Authorization");
            boolean basic = path(request).startsWith("/api/") && auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6);
            if (!form && !basic) {
                chain.doFilter(request, response);
                return;
            }
            String address = request.getRemoteAddr();
            Duration blocked = throttle.blockedFor(address);
            if (!blocked.isZero()) {
                if (form) {
                    response.sendRedirect(request.getContextPath() + "/login?error");
                } else {
                    response.setStatus(429);
                    response.setHeader("Retry-After", Long.toString(Math.max(1, blocked.toSeconds())));
                    response.setContentType("application/json;charset=UTF-8");
                    response.getWriter().write("{\"error\":\"tooManyFailedSignIns\"}");
                }
                return;
            }
            chain.doFilter(request, response);
            String location = response.getHeader("Location");
            if (form && location != null && location.contains("/login?error")
                    || basic && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                throttle.failed(address);
            }
        }

        private static String path(HttpServletRequest request) {
            String uri = request.getRequestURI();
            String ctx = request.getContextPath();
            return ctx != null && !ctx.isEmpty() && uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri;
        }
    }
}
