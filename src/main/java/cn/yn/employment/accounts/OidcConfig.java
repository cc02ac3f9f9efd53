package cn.yn.employment.accounts;

import cn.yn.employment.audit.AuditLog;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The OIDC sign-in's beans, only with {@code app.oidc.enabled=true} (ADR 0026). */
@Configuration
@ConditionalOnProperty(name = "app.oidc.enabled", havingValue = "true")
@EnableConfigurationProperties(OidcProperties.class)
class OidcConfig {

    @Bean
    OidcAccountUserService oidcAccountUserService(AppUserRepository users, Clock clock, OidcProperties properties) {
        return new OidcAccountUserService(users, clock, properties);
    }

    @Bean
    OidcLoginAudit oidcLoginAudit(AppUserRepository users, AuditLog audit, Clock clock) {
        return new OidcLoginAudit(users, audit, clock);
    }

    @Bean
    OidcLogin oidcLogin(OidcProperties properties, OidcAccountUserService accounts, OidcLoginAudit audit,
                        VaadinDefaultRequestCache requestCache, ClientRegistrationRepository registrations) {
        if (registrations.findByRegistrationId(properties.registrationId()) == null) {
            throw new IllegalStateException("app.oidc.enabled=true but there is no client registration '"
                    + properties.registrationId() + "' (spring.security.oauth2.client.registration."
                    + properties.registrationId() + ".*, see docs/operations.md)");
        }
        return new OidcLogin(properties, accounts, audit, requestCache);
    }
}
