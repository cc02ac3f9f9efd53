package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.yn.employment.AuthorizationMatrixTest;
import cn.yn.employment.FoundationTest;
import cn.yn.employment.demo.DemoAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * S5 (issue 14): CSRF on every state-changing request. The walk takes every POST/PUT/PATCH/DELETE that Spring MVC
 * maps (so a new endpoint is walked automatically) plus the security filters' own {@code /login} and
 * {@code /logout}, and sends each as a forged cross-site request would arrive: with the victim's signed-in session
 * cookie and without a CSRF token. A page endpoint must answer 403 (login: back to the form, {@code ?expired}); an
 * API endpoint must answer 401, because the API is stateless and never reads the session (a browser's cookie carries
 * no authority there; it takes a bearer token only). Vaadin's own requests carry Vaadin's per-UI CSRF token, checked by
 * the framework.
 */
class CsrfOnEveryStateChangingRequestTest extends FoundationTest {

    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    @Autowired MockMvc mvc;
    @Autowired AccountUserDetailsService details;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    /** A browser session signed in as the province reviewer (who may call most state-changing endpoints). */
    private MockHttpSession signedInSession() {
        UserDetails p = details.loadUserByUsername(DemoAccounts.PROVINCE_REVIEWER);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities())));
        return session;
    }

    private Set<String> stateChangingEndpoints() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? CHANGING : methods) {
                    if (CHANGING.contains(m)) {
                        out.add(m.name() + " " + pattern);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theSessionIsRealForThePages() throws Exception {
        // with the token the same session signs out: the refusals below are the missing token, nothing else
        assertThat(mvc.perform(post("/logout").session(signedInSession()).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(302);
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangingRequestWithoutATokenIsRefused() {
        Set<String> endpoints = stateChangingEndpoints();
        assertThat(endpoints).as("the walk found the API's state-changing endpoints").hasSizeGreaterThan(15);
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = AuthorizationMatrixTest.fill(endpoint.substring(endpoint.indexOf(' ') + 1));
            String to = path.endsWith("/copy") ? "[\"x\"]" : "\"x\"";
            boolean api = path.startsWith("/api/");
            tests.add(DynamicTest.dynamicTest(endpoint + " with the session cookie, no token → " + (api ? 401 : 403), () -> {
                int status = mvc.perform(request(HttpMethod.valueOf(method), path).session(signedInSession())
                                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"forged\",\"to\":" + to + "}"))
                        .andReturn().getResponse().getStatus();
                assertThat(status).isEqualTo(api ? 401 : 403);
            }));
        }
        tests.add(DynamicTest.dynamicTest("POST /logout with the session cookie, no token → 403", () ->
                assertThat(mvc.perform(post("/logout").session(signedInSession())).andReturn().getResponse().getStatus())
                        .isEqualTo(403)));
        tests.add(DynamicTest.dynamicTest("POST /login without the login page's token → back to the form (?expired)", () ->
                assertThat(mvc.perform(post("/login").param("username", DemoAccounts.SYSTEM_ADMIN)
                        .param("password", DemoAccounts.PASSWORD)).andReturn().getResponse().getRedirectedUrl())
                        .isEqualTo("/login?expired")));
        return tests.stream();
    }
}
