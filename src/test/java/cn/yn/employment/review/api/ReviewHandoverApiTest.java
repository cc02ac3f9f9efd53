package cn.yn.employment.review.api;

import cn.yn.employment.testsupport.ApiCaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** POST /api/v1/review/reports/{id}/transfer|delegate|resolve|copy: the service's rules, over HTTP. */
class ReviewHandoverApiTest extends ReviewTestBase {

    @Autowired
    WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** The caller for the filter chain and, through the global holder, for the service ({@link ApiCaller}). */
    private static RequestPostProcessor caller(CurrentUser u) {
        return ApiCaller.as(u);
    }

    private long subject(String pi) {
        return ((Number) runtime.getVariable(pi, "subjectId")).longValue();
    }

    @Test
    void transferDelegateResolveAndCopyByReportId() throws Exception {
        String pi = submit("530100", "530102", "接口转办公司", false);
        long id = subject(pi);
        mvc.perform(post("/api/v1/review/reports/{id}/transfer", id).with(caller(QUJING)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"qj_leader\",\"reason\":\"越权\"}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/review/reports/{id}/transfer", id).with(caller(KUNMING_A)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"qj_a\",\"reason\":\"跨市\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("review.handover.notInScope"))
                .andExpect(jsonPath("$.fieldErrors[0].field").value("to"));
        assertThat(openTask(pi).getAssignee()).isNull();

        mvc.perform(post("/api/v1/review/reports/{id}/delegate", id).with(caller(KUNMING_A)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"km_b\",\"reason\":\"请核对\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.action").value("DELEGATE"));
        assertThat(openTask(pi).getAssignee()).isEqualTo("km_b");
        mvc.perform(post("/api/v1/review/reports/{id}/resolve", id).with(caller(KUNMING_B)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对无误\"}"))
                .andExpect(status().isOk());
        assertThat(openTask(pi).getAssignee()).isEqualTo("km_a");
        mvc.perform(post("/api/v1/review/reports/{id}/transfer", id).with(caller(KUNMING_A)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"km_b\",\"reason\":\"休假\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.to[0]").value("km_b"));
        assertThat(openTask(pi).getAssignee()).isEqualTo("km_b");
        mvc.perform(post("/api/v1/review/reports/{id}/copy", id).with(caller(KUNMING_B)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":[\"km_leader\",\"prov_leader\"],\"reason\":\"请知悉\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from work_item_copy where subject_id = ?", Integer.class, id)).isEqualTo(2);
        mvc.perform(post("/api/v1/review/reports/{id}/copy", id).with(caller(KUNMING_B)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":[\"km_leader\"]}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.fieldErrors[0].field").value("reason"));
    }
}
