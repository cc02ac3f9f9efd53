package cn.yn.employment.review.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.review.ReviewTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 14 item 5: the review API's state-changing POSTs take an {@code Idempotency-Key}. A client that lost the
 * answer and retries with its key gets the first answer (200, same body) instead of the 409 its own success would
 * cause, and nothing is decided, handed over or copied twice. The same key for another request is refused (422
 * {@code api.idempotency.conflict}); another user's key is not theirs to replay; without a key nothing changes.
 */
class ReviewApiIdempotencyTest extends ReviewTestBase {

    @Autowired WebApplicationContext web;
    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        jdbc.update("delete from idempotency_key");
    }

    /** The caller for the filter chain and, through the global holder, for the service (see LostRaceTest). */
    private static RequestPostProcessor caller(CurrentUser u) {
        var token = new TestingAuthenticationToken(u, null, u.roles().stream().map(r -> r.authority()).toArray(String[]::new));
        RequestPostProcessor chain = authentication(token);
        return request -> {
            com.vaadin.flow.internal.CurrentInstance.clearAll();
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(token);
            return chain.postProcessRequest(request);
        };
    }

    private long subject(String pi) {
        return ((Number) runtime.getVariable(pi, "subjectId")).longValue();
    }

    private static MockHttpServletRequestBuilder action(long report, String action, String key, String json) {
        MockHttpServletRequestBuilder b = post("/api/v1/review/reports/{id}/" + action, report);
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (json != null) {
            b.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return b;
    }

    private int decisions(long report) {
        return jdbc.queryForObject("select count(*) from work_item_done where subject_id = ?", Integer.class, report);
    }

    @Test
    void aRetriedApprovalAnswersTheFirstOutcomeAndDecidesOnce() throws Exception {
        String pi = submit("530100", "530102", "重试审核公司", false);
        long report = subject(pi);
        String first = mvc.perform(action(report, "approve", "approve-1", null).with(caller(KUNMING_A)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("APPROVE"))
                .andReturn().getResponse().getContentAsString();
        String provinceTask = taskId(pi);

        for (int retry = 0; retry < 3; retry++) {
            String again = mvc.perform(action(report, "approve", "approve-1", null).with(caller(KUNMING_A)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(again).isEqualTo(first);
        }
        assertThat(decisions(report)).isEqualTo(1);
        assertThat(taskId(pi)).as("still the one province task").isEqualTo(provinceTask);

        // the same key for another request is refused, and decides nothing
        mvc.perform(action(report, "return", "approve-1", "{\"reason\":\"再核实\"}").with(caller(KUNMING_A)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("api.idempotency.conflict"));
        // another reviewer cannot replay km_a's key: judged afresh, the step is handled → 409
        mvc.perform(action(report, "approve", "approve-1", null).with(caller(KUNMING_B)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review.alreadyHandled"));
        // without a key the retry is judged afresh, as before
        mvc.perform(action(report, "approve", null, null).with(caller(KUNMING_A)))
                .andExpect(status().isConflict());
        assertThat(decisions(report)).isEqualTo(1);
    }

    @Test
    void aRetriedReturnReturnsOnceAndARefusedRequestLeavesItsKeyFree() throws Exception {
        String pi = submit("530100", "530102", "重试退回公司", false);
        long report = subject(pi);
        // refused (no reason): the key is rolled back with it, so the corrected retry with the same key is judged again
        mvc.perform(action(report, "return", "return-1", "{\"reason\":\"\"}").with(caller(KUNMING_A)))
                .andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key", Integer.class)).isZero();

        String body = "{\"reason\":\"从业人数有误\"}";
        String first = mvc.perform(action(report, "return", "return-2", body).with(caller(KUNMING_A)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("RETURN"))
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(action(report, "return", "return-2", body).with(caller(KUNMING_A)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from work_item_done where subject_id = ? and decision = 'RETURN'",
                Integer.class, report)).isEqualTo(1);
        // same key, other body: refused
        mvc.perform(action(report, "return", "return-2", "{\"reason\":\"另一个理由\"}").with(caller(KUNMING_A)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("api.idempotency.conflict"));
    }

    @Test
    void retriedHandoversAndCopiesHappenOnce() throws Exception {
        String pi = submit("530100", "530102", "重试转办公司", false);
        long report = subject(pi);
        String delegate = "{\"to\":\"km_b\",\"reason\":\"请核对\"}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(action(report, "delegate", "delegate-1", delegate).with(caller(KUNMING_A)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.action").value("DELEGATE"));
        }
        for (int i = 0; i < 2; i++) {
            mvc.perform(action(report, "resolve", "resolve-1", "{\"reason\":\"核对无误\"}").with(caller(KUNMING_B)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.action").value("RESOLVE"));
        }
        assertThat(openTask(pi).getAssignee()).isEqualTo("km_a");
        for (int i = 0; i < 2; i++) {
            mvc.perform(action(report, "transfer", "transfer-1", "{\"to\":\"km_b\",\"reason\":\"休假\"}").with(caller(KUNMING_A)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.to[0]").value("km_b"));
        }
        assertThat(openTask(pi).getAssignee()).isEqualTo("km_b");
        assertThat(jdbc.queryForObject("select count(*) from work_item_handover where subject_id = ?", Integer.class, report))
                .as("one delegation, one resolution, one transfer").isEqualTo(3);
        for (int i = 0; i < 2; i++) {
            mvc.perform(action(report, "copy", "copy-1", "{\"to\":[\"km_leader\"],\"reason\":\"请知悉\"}").with(caller(KUNMING_B)))
                    .andExpect(status().isOk());
        }
        assertThat(jdbc.queryForObject("select count(*) from work_item_copy where subject_id = ?", Integer.class, report)).isEqualTo(1);
    }
}
