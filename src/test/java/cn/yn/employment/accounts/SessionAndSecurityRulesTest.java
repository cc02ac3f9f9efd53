package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.FoundationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

class SessionAndSecurityRulesTest extends FoundationTest {

    @Autowired Environment env;
    @Autowired ServerProperties server;
    @Autowired PasswordEncoder encoder;
    @Autowired MockMvc mvc;

    @Test
    void sessionsTimeOutAfterThirtyIdleMinutesAndHeartbeatsDoNotKeepThemAlive() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isTrue();
        assertThat(env.getProperty("vaadin.closeIdleSessions", Boolean.class)).isTrue();
    }

    @Test
    void passwordsAreHashedWithBCrypt() {
        assertThat(encoder).isInstanceOf(BCryptPasswordEncoder.class);
        assertThat(encoder.encode("Demo12345")).startsWith("$2a$");
    }

    @Test
    void csrfProtectsNonVaadinPosts() throws Exception {
        mvc.perform(post("/logout")).andExpect(status().isForbidden());
        mvc.perform(post("/readyz")).andExpect(status().isForbidden());
        mvc.perform(post("/v3/api-docs")).andExpect(status().isForbidden());
        // Vaadin exempts POST /login from CSRF; LoginCsrfFilter takes the exemption back (LoginEdgeTest signs in
        // with the login page's real token on a real server)
        mvc.perform(post("/login").param("username", "admin").param("password", "Demo12345"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void healthIsOpenWithoutSigningIn() throws Exception {
        int health = mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus();
        assertThat(health).isIn(200, 503);
    }
}
