package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoRunner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * S5 (issue 14): no secrets or personal data in the logs. Captures everything the application logs while users
 * sign in with right and wrong passwords (form and API), a bearer token is issued and used, and an administrator
 * creates an account with a phone number, e-mail and password and resets a password, and that account is locked
 * by wrong passwords; then greps the captured output for each secret (passwords, the token, password hashes) and
 * each personal datum (phone, e-mail). The application's and Spring Security's and Spring MVC's loggers are at DEBUG
 * meanwhile, so that more is said than in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsTest extends FoundationTest {

    static final String WRONG_PASSWORD = "Wr0ng-Secret-7731";
    static final String NEW_PASSWORD = "Fresh-Secret-8842";
    static final String RESET_PASSWORD = "Reset-Secret-9953";
    static final String PHONE = "13912348765";
    static final String EMAIL = "li.si.matrix@example.com";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired AccountService accounts;
    @Autowired DemoRunner runner;

    @Test
    void signInsTokensAndAccountChangesLeaveNoSecretInTheLog(CapturedOutput out) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loggers = List.of("cn.yn.employment", "org.springframework.security", "org.springframework.web");
        Map<String, LogLevel> before = new HashMap<>();
        loggers.forEach(l -> before.put(l, logging.getLoggerConfiguration(l) == null ? null
                : logging.getLoggerConfiguration(l).getConfiguredLevel()));
        loggers.forEach(l -> logging.setLogLevel(l, LogLevel.DEBUG));
        try {
            exercise(out);
        } finally {
            loggers.forEach(l -> logging.setLogLevel(l, before.get(l)));
        }
    }

    private void exercise(CapturedOutput out) throws Exception {
        String probe = "log-probe-" + System.nanoTime();
        long id = runner.callAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.create(new UserForm(probe,
                "日志探针", EMAIL, PHONE, Set.of(Role.PROVINCE_REVIEWER), Scope.province(), NEW_PASSWORD)).id());
        runner.runAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.resetPassword(id, RESET_PASSWORD));
        for (int i = 0; i < 5; i++) {
            // the probe account is locked (logged as a warning); the demo accounts stay usable for the other tests
            mvc.perform(post("/api/v1/tokens").with(httpBasic(probe, WRONG_PASSWORD)));
        }
        mvc.perform(post("/api/v1/tokens").with(httpBasic("no-such-user-x", WRONG_PASSWORD)));
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic(DemoAccounts.LEADER, DemoAccounts.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        String token = json.readTree(body).path("token").asText();
        assertThat(token).isNotBlank();
        mvc.perform(get("/api/v1/periods/current").header("Authorization", "Bearer " + token));
        mvc.perform(get("/api/v1/periods/current").header("Authorization", "Bearer " + token + "x"));
        mvc.perform(post("/login").param("username", probe).param("password", WRONG_PASSWORD));

        String log = out.getAll();
        assertThat(log).as("the lockout was logged").contains("account " + probe + " locked");
        for (String secret : new String[] {DemoAccounts.PASSWORD, WRONG_PASSWORD, NEW_PASSWORD, RESET_PASSWORD, token, "$2a$",
                PHONE, EMAIL}) {
            assertThat(log).as("the log must not contain %s", secret).doesNotContain(secret);
        }
    }
}
