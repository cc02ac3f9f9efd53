package cn.yn.employment.review.api;

import cn.yn.employment.testsupport.ApiCaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.review.ReviewTestBase;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Two reviewers, one task: whoever comes second — the loser of the race, or anyone retrying later on the same
 * report, also after the report moved on to the province — gets 409 {@code review.alreadyHandled} naming who
 * handled it and when (the inbox's message: review.ui.LostRaceInboxTest).
 */
class LostRaceTest extends ReviewTestBase {

    @Autowired WebApplicationContext web;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        // the inbox's Karibu tests run in this context before: no Vaadin session of theirs may stand in for the caller
        com.vaadin.flow.internal.CurrentInstance.clearAll();
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    }

    /** The caller for the filter chain and, through the global holder, for the service ({@link ApiCaller}). */
    static RequestPostProcessor caller(CurrentUser u) {
        return ApiCaller.as(u);
    }

    private long subjectOf(String processInstanceId) {
        return jdbc.queryForObject("select subject_id from work_item where process_instance_id = ?", Long.class, processInstanceId);
    }

    @Test
    void theSecondReviewerAndEveryRetryGet409NamingWhoHandledItAndWhen() throws Exception {
        String pi = submit("530100", "530102", "竞争公司", false);
        long report = subjectOf(pi);
        mvc.perform(post("/api/v1/review/reports/{id}/approve", report).with(caller(KUNMING_A)))
                .andExpect(status().isOk());
        Instant handledAt = jdbc.queryForObject("select completed_at from work_item_done where subject_id = ?", java.sql.Timestamp.class, report)
                .toInstant();

        // the report now waits for the province: the city's second reviewer still learns that km_a handled it
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/api/v1/review/reports/{id}/approve", report).with(caller(KUNMING_B)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("review.alreadyHandled"))
                    .andExpect(jsonPath("$.handledBy").value("km_a"))
                    .andExpect(jsonPath("$.handledAt").value(handledAt.toString()))
                    .andExpect(jsonPath("$.message", Matchers.containsString("km_a")))
                    .andExpect(jsonPath("$.fieldErrors").isEmpty());
        }
        mvc.perform(post("/api/v1/review/reports/{id}/return", report).with(caller(KUNMING_B)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再核实\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.alreadyHandled"))
                .andExpect(jsonPath("$.message", Matchers.startsWith("This item was already handled by km_a at ")));
        // the winner retrying is told the same, with their own name
        mvc.perform(post("/api/v1/review/reports/{id}/approve", report).with(caller(KUNMING_A)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.handledBy").value("km_a"));
        // the province's step is open and theirs: no conflict there
        mvc.perform(post("/api/v1/review/reports/{id}/approve", report).with(caller(PROVINCE)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/review/reports/{id}/approve", report).with(caller(PROVINCE_B)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.handledBy").value("prov_a"));
    }

    @Test
    void aReportTheCallersGroupNeverHadIsNotAConflict() throws Exception {
        String pi = submit("530100", "530102", "他市公司", false);
        long report = subjectOf(pi);
        mvc.perform(post("/api/v1/review/reports/{id}/approve", report).with(caller(QUJING)))
                .andExpect(status().is4xxClientError())
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(409));
        mvc.perform(post("/api/v1/review/reports/{id}/approve", 987654321L).with(caller(KUNMING_A)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("notFound"));
    }
}
