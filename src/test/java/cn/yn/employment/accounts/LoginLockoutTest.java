package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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

/** Lockout through the real form login: Spring Security's filter, provider and events, then our listener. */
class LoginLockoutTest extends FoundationTest {

    static final String PASSWORD = "Lockout123";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired DemoRunner runner;
    @Autowired JdbcTemplate jdbc;

    private String username;
    private long userId;

    @BeforeEach
    void createUser() {
        username = "lock-" + System.nanoTime();
        userId = runner.callAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.create(new UserForm(username, "锁定测试", null, null,
                Set.of(Role.PROVINCE_REVIEWER), Scope.province(), PASSWORD)).id());
    }

    private MockHttpServletResponse login(String user, String password) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf()))
                .andReturn().getResponse();
    }

    private boolean succeeded(MockHttpServletResponse r) {
        return r.getStatus() == 302 && !r.getRedirectedUrl().contains("error");
    }

    @Test
    void fiveFailuresLockForFifteenMinutesThenTheRightPasswordWorksAgain() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(succeeded(login(username, "wrong-" + i))).isFalse();
        }
        assertThat(succeeded(login(username, PASSWORD))).as("4 failures do not lock").isTrue();
        // success reset the counter: 4 more failures still do not lock
        for (int i = 0; i < 4; i++) {
            login(username, "wrong");
        }
        assertThat(succeeded(login(username, PASSWORD))).isTrue();
        for (int i = 0; i < 5; i++) {
            login(username, "wrong");
        }
        assertThat(succeeded(login(username, PASSWORD))).as("locked after 5 failures").isFalse();
        clock.advance(Duration.ofMinutes(14));
        assertThat(succeeded(login(username, PASSWORD))).as("still locked after 14 minutes").isFalse();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(succeeded(login(username, PASSWORD))).as("unlocked after 15 minutes").isTrue();

        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'LOGIN_FAILED' and target_id = ?",
                Integer.class, username)).isEqualTo(4 + 4 + 5 + 2);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ACCOUNT_LOCKED' and target_id = ?",
                Integer.class, username)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'LOGIN' and target_id = ?",
                Integer.class, username)).isEqualTo(3);
    }

    @Test
    void anAdministratorUnlocks() throws Exception {
        for (int i = 0; i < 5; i++) {
            login(username, "wrong");
        }
        assertThat(succeeded(login(username, PASSWORD))).isFalse();
        runner.runAs(DemoAccounts.SYSTEM_ADMIN, () -> {
            assertThat(accounts.get(userId).locked()).isTrue();
            accounts.unlock(userId);
            assertThat(accounts.get(userId).locked()).isFalse();
        });
        assertThat(succeeded(login(username, PASSWORD))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'USER_UNLOCKED' and target_id = ?",
                Integer.class, username)).isEqualTo(1);
    }

    @Test
    void unknownUserWrongPasswordAndLockedAccountLookTheSame() throws Exception {
        MockHttpServletResponse unknown = login("nobody-" + System.nanoTime(), PASSWORD);
        MockHttpServletResponse wrong = login(username, "wrong");
        for (int i = 0; i < 5; i++) {
            login(username, "wrong");
        }
        MockHttpServletResponse locked = login(username, PASSWORD);
        for (MockHttpServletResponse r : new MockHttpServletResponse[]{unknown, wrong, locked}) {
            assertThat(r.getStatus()).isEqualTo(302);
            assertThat(r.getRedirectedUrl()).isEqualTo("/login?error");
            assertThat(r.getContentAsString()).isEmpty();
        }
        assertThat(unknown.getHeaderNames()).containsExactlyInAnyOrderElementsOf(wrong.getHeaderNames());
        assertThat(locked.getHeaderNames()).containsExactlyInAnyOrderElementsOf(wrong.getHeaderNames());
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        runner.runAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.setEnabled(userId, false));
        MockHttpServletResponse r = login(username, PASSWORD);
        assertThat(r.getRedirectedUrl()).isEqualTo("/login?error");
    }
}
