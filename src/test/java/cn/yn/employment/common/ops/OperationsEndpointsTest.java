package cn.yn.employment.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Load balancers and Prometheus reach health, info and prometheus without a login. Graceful shutdown is on. Uses
 * the suite's shared context (MockMvc built on it, no extra context), where the test profile keeps actuator on the
 * application's port; ManagementPortTest checks the production arrangement (actuator on the management port).
 */
@SpringBootTest
class OperationsEndpointsTest {

    @Autowired WebApplicationContext context;
    @Autowired Environment env;
    @Autowired WebInvocationPrivilegeEvaluator privileges;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void healthAndProbesAreOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void infoIsOpenAndNamesTheSystem() throws Exception {
        mvc.perform(get("/actuator/info")).andExpect(status().isOk())
                .andExpect(jsonPath("$.app.name").value("云南省企业就业失业数据采集系统"));
    }

    @Test
    void prometheusAndProbesAreOpenToAnonymousScrapers() {
        // Boot's tests switch metric export off (no /actuator/prometheus here; the packaged jar answers 200), so
        // this asks the security filter chain itself what an anonymous caller may reach.
        var anonymous = new AnonymousAuthenticationToken("ops", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(privileges.isAllowed("/actuator/prometheus", anonymous)).isTrue();
        assertThat(privileges.isAllowed("/actuator/health/readiness", anonymous)).isTrue();
    }

    @Test
    void gracefulShutdownIsConfigured() {
        assertThat(env.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(env.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("30s");
    }
}
