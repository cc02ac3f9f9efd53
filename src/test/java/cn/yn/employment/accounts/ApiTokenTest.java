package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired ApiTokenService tokens;

    @BeforeEach
    void user() {
        if (users.findByUsernameIgnoreCase("api-client").isEmpty()) {
            users.save(new AppUser("api-client", encoder.encode("Secret123"), "HR system", Set.of(Role.PROVINCE_REVIEWER),
                    Scope.province(), clock.instant()));
        }
    }

    @Test
    void basicCredentialsGetATokenThatAuthenticatesLaterCalls() throws Exception {
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic("api-client", "Secret123")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andReturn().getResponse().getContentAsString();
        String token = new ObjectMapper().readTree(body).get("token").asText();
        assertThat(token).hasSizeGreaterThan(30);
        assertThat(tokens.resolve(token)).isPresent();
        // a bearer token is enough to obtain another one
        mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isCreated());
    }

    @Test
    void wrongPasswordOrUnknownTokenIsRefusedWithoutSession() throws Exception {
        mvc.perform(post("/api/v1/tokens").with(httpBasic("api-client", "wrong-password")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
        assertThat(tokens.resolve("not-a-token")).isEmpty();
    }
}
