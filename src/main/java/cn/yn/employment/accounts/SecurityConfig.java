package cn.yn.employment.accounts;

import cn.yn.employment.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig extends VaadinWebSecurity {

    static final String LOGIN_PATH = "/login";

    private final Set<String> trustedOriginHosts;
    private final ObjectProvider<OidcLogin> oidcLogin;

    SecurityConfig(@Value("${app.security.trusted-origin-hosts:}") Set<String> trustedOriginHosts,
                   ObjectProvider<OidcLogin> oidcLogin) {
        this.trustedOriginHosts = trustedOriginHosts;
        this.oidcLogin = oidcLogin;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(org.springframework.context.ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // /actuator/** is served on the internal management port only (common.ops.ManagementPortSeparation
                // answers 404 for it on this port, except the load balancer's /actuator/health)
                .requestMatchers(new AntPathRequestMatcher("/actuator/**"),
                        new AntPathRequestMatcher("/livez"),
                        new AntPathRequestMatcher("/readyz"),
                        new AntPathRequestMatcher("/images/**"),
                        new AntPathRequestMatcher("/v3/api-docs/**"),
                        new AntPathRequestMatcher("/swagger-ui/**"),
                        new AntPathRequestMatcher("/swagger-ui.html")).permitAll());
        http.headers(h -> h
                .contentTypeOptions(c -> { })
                .contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.PAGES_CSP))
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        super.configure(http);
        setLoginView(http, LoginView.class, LOGIN_PATH);
        OidcLogin oidc = oidcLogin.getIfAvailable(); // only with app.oidc.enabled (ADR 0026)
        if (oidc != null) {
            oidc.configure(http, LOGIN_PATH, this::oidcLogoutSuccessHandler);
        }
        http.addFilterAfter(new LoginCsrfFilter(LOGIN_PATH), CsrfFilter.class);
        http.addFilterBefore(new SameOriginFilter(trustedOriginHosts), CsrfFilter.class);
    }
}
