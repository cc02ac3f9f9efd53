package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoRunner;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * QUALITY.md S2, password guessing from one address across many accounts (spraying) over the login form and the API:
 * after 20 failures within 10 minutes the address is refused unchecked, with the answer a wrong password gets on the
 * form and 429 on the API; other addresses are unaffected; it is audited. The per-account lockout (5 failures, 15
 * minutes) and the identical answers for unknown / wrong / locked are LoginLockoutTest's.
 */
class PasswordGuessingTest extends FoundationTest {

    static final String PASSWORD = "Spray12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired DemoRunner runner;
    @Autowired JdbcTemplate jdbc;

    private String username;

    @BeforeEach
    void createUser() {
        username = "spray-" + System.nanoTime();
        runner.callAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.create(new UserForm(username, "撞库测试", null, null,
                Set.of(Role.PROVINCE_REVIEWER), Scope.province(), PASSWORD)).id());
    }

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private MockHttpServletResponse login(String address, String user, String password) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf()).with(from(address)))
                .andReturn().getResponse();
    }

    private static boolean signedIn(MockHttpServletResponse r) {
        return r.getStatus() == 302 && !r.getRedirectedUrl().contains("error");
    }

    @Test
    void oneAddressSprayingManyAccountsIsStoppedOthersAreNot() throws Exception {
        String guesser = "203.0.113.7";
        MockHttpServletResponse wrong = null;
        // 20 guesses spread over accounts (never 5 on one, so no account locks): unknown names and the real one
        for (int i = 0; i < 20; i++) {
            String user = i % 5 == 0 ? username : "guess-" + i + "-" + System.nanoTime();
            wrong = login(guesser, user, "Guess" + i + "abc");
            assertThat(signedIn(wrong)).isFalse();
        }
        // the right password from the guessing address is now refused unchecked, looking exactly like a failure
        MockHttpServletResponse refused = login(guesser, username, PASSWORD);
        assertThat(signedIn(refused)).isFalse();
        assertThat(refused.getStatus()).isEqualTo(wrong.getStatus());
        assertThat(refused.getRedirectedUrl()).isEqualTo(wrong.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(refused.getContentAsString()).isEmpty();
        // the account itself is not locked: the owner signs in from elsewhere
        assertThat(signedIn(login("198.51.100.20", username, PASSWORD))).isTrue();
        assertThat(audit("LOGIN_THROTTLED", guesser)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'LOGIN_FAILED' and client_address = ?",
                Integer.class, guesser)).as("each guess is logged with its address").isEqualTo(20);

        clock.advance(Duration.ofMinutes(9));
        assertThat(signedIn(login(guesser, username, PASSWORD))).as("still refused after 9 minutes").isFalse();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(signedIn(login(guesser, username, PASSWORD))).as("allowed again after 10 minutes").isTrue();
        System.out.printf("S2 form: 20 failures from %s across 5 accounts -> refused unchecked for 10 min (same redirect as a wrong password),"
                + " other address unaffected, %d LOGIN_FAILED + 1 LOGIN_THROTTLED audited%n", guesser, 20);
    }

    @Test
    void theApiAnswers429WithRetryAfterToAGuessingAddress() throws Exception {
        String guesser = "203.0.113.9";
        for (int i = 0; i < 20; i++) {
            int status = mvc.perform(post("/api/v1/tokens").with(httpBasic(i % 5 == 0 ? username : "nobody" + i, "Wrong" + i + "pw"))
                    .with(from(guesser))).andReturn().getResponse().getStatus();
            assertThat(status).isEqualTo(401);
        }
        MockHttpServletResponse refused = mvc.perform(post("/api/v1/tokens").with(httpBasic(username, PASSWORD)).with(from(guesser)))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 600L);
        assertThat(refused.getContentAsString()).contains("tooManyFailedSignIns").doesNotContain(username);
        assertThat(mvc.perform(post("/api/v1/tokens").with(httpBasic(username, PASSWORD)).with(from("198.51.100.21")))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        // bearer-token calls are not sign-ins: the block does not touch them
        assertThat(audit("LOGIN_THROTTLED", guesser)).isEqualTo(1);
        System.out.println("S2 API: 20 Basic failures from " + guesser + " -> 429 + Retry-After, other address 201");
    }

    private int audit(String action, String target) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and target_id = ?", Integer.class, action, target);
    }
}
