package cn.yn.employment.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST API ({@code /api/**}) for enterprises' HR systems: stateless, no cookies, so no CSRF. A client
 * gets a token with HTTP Basic at {@code POST /api/v1/tokens} (failed attempts count towards the same
 * lockout as the login form) and sends it as {@code Authorization: Bearer …}.
 */
@Configuration
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens, AppUserRepository users,
                                       AccountUserDetailsService details) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> { })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, users, details), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                    res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    res.setContentType("application/json;charset=UTF-8");
                    res.getWriter().write("{\"error\":\"unauthorized\"}");
                }));
        return http.build();
    }

    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokenService tokens;
        private final AppUserRepository users;
        private final AccountUserDetailsService details;

        BearerTokenFilter(ApiTokenService tokens, AppUserRepository users, AccountUserDetailsService details) {
            this.tokens = tokens;
            this.users = users;
            this.details = details;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith("Bearer ")) {
                tokens.resolve(header.substring(7).trim())
                        .flatMap(users::findById)
                        .filter(AppUser::isEnabled)
                        .map(details::principalOf)
                        .filter(UserPrincipal::isAccountNonLocked)
                        .ifPresent(p -> SecurityContextHolder.getContext().setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities())));
            }
            chain.doFilter(request, response);
        }
    }
}
