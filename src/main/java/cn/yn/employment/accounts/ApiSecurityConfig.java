package cn.yn.employment.accounts;

import cn.yn.employment.common.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
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
                                       AccountUserDetailsService details, ApiErrors errors) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.API_CSP)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // wrong Basic credentials answer the same JSON 401 as none at all (not the login page of the UI chain)
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized(errors)))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, users, details), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(errors))
                        .accessDeniedHandler((req, res, ex) -> errors.write(req, res, HttpStatus.FORBIDDEN, ApiErrors.FORBIDDEN)));
        return http.build();
    }

    /** 401 with the API's error body; the challenge names the scheme every call but the token request uses. */
    private static AuthenticationEntryPoint unauthorized(ApiErrors errors) {
        return (req, res, ex) -> {
            res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ems-api\"");
            errors.write(req, res, HttpStatus.UNAUTHORIZED, ApiErrors.UNAUTHORIZED);
        };
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
