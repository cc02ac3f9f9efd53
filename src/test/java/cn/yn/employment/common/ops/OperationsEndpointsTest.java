package cn.yn.employment.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Load balancers and Prometheus reach health, probes, info and prometheus without a login (the security filter
 * chain is shared by both ports; which port serves what is ManagementPortTest's, on a real server). Graceful
 * shutdown is on. Uses the suite's shared context.
 */
@SpringBootTest
class OperationsEndpointsTest {

    @Autowired Environment env;
    @Autowired WebInvocationPrivilegeEvaluator privileges;

    @Test
    void prometheusAndProbesAreOpenToAnonymousScrapers() {
        var anonymous = new AnonymousAuthenticationToken("ops", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(privileges.isAllowed("/actuator/prometheus", anonymous)).isTrue();
        assertThat(privileges.isAllowed("/actuator/health/readiness", anonymous)).isTrue();
        assertThat(privileges.isAllowed("/readyz", anonymous)).isTrue();
        assertThat(privileges.isAllowed("/livez", anonymous)).isTrue();
    }

    @Test
    void actuatorHasItsOwnPortOnAnInternalAddressByDefault() {
        assertThat(env.getProperty("management.server.port", Integer.class)).isEqualTo(9081);
        assertThat(env.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void gracefulShutdownIsConfigured() {
        assertThat(env.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(env.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("30s");
    }
}
