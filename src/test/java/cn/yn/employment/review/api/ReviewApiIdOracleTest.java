package cn.yn.employment.review.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.review.BulkAction;
import cn.yn.employment.review.BulkResult;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 18 item 3: the review API told any signed-in user which report ids had an open review task (403 for
 * those, 422 for the others), and a city reviewer which reports of another city were pending. Table-driven over
 * callers × ids × actions: for every caller, every id it may not act on gets byte-for-byte the same answer as an
 * id that does not exist — 403 for a role that never reviews (checked before any lookup), 404 with the API's
 * error body for a reviewer. The service's task-id actions answer alike.
 */
class ReviewApiIdOracleTest extends ReviewTestBase {

    static final CurrentUser ENTERPRISE = user(21, "ent_a", Role.ENTERPRISE, Scope.enterprise(7001));
    static final CurrentUser LEADER = user(22, "leader_a", Role.LEADER, Scope.province());
    static final CurrentUser PROCESS_ADMIN = user(23, "proc_a", Role.PROCESS_ADMIN, Scope.system());
    static final CurrentUser SYSTEM_ADMIN = user(24, "sys_a", Role.SYSTEM_ADMIN, Scope.system());
    static final long NO_SUCH_REPORT = 987_654_321L;

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        // the inbox's Karibu tests run in this context before: no Vaadin session of theirs may stand in for the caller
        com.vaadin.flow.internal.CurrentInstance.clearAll();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    record Answer(int status, String body) {
    }

    Answer call(CurrentUser who, String action, long reportId) throws Exception {
        var auth = new UsernamePasswordAuthenticationToken(who, null,
                who.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        as(who); // the service reads the global holder: cached contexts each install their own strategy (see LostRaceTest)
        var request = post("/api/v1/review/reports/{id}/" + action, reportId).with(authentication(auth));
        if (action.equals("return")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对\",\"returnTo\":\"ENTERPRISE\"}");
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        return new Answer(r.getStatus(), r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private long subjectOf(String processInstanceId) {
        return jdbc.queryForObject("select subject_id from work_item where process_instance_id = ?", Long.class, processInstanceId);
    }

    @TestFactory
    Stream<DynamicTest> everyIdACallerMayNotActOnAnswersLikeANonexistentOne() {
        long kunming = subjectOf(submit("530100", "530102", "昆明待审公司", false));
        long qujing = subjectOf(submit("530300", "530302", "曲靖待审公司", false));
        // caller -> the ids it may not act on (all of them at the city step; the province has nothing open)
        Map<String, Map.Entry<CurrentUser, List<Long>>> table = new LinkedHashMap<>();
        table.put("enterprise", Map.entry(ENTERPRISE, List.of(kunming, qujing)));
        table.put("leader", Map.entry(LEADER, List.of(kunming, qujing)));
        table.put("process admin", Map.entry(PROCESS_ADMIN, List.of(kunming, qujing)));
        table.put("system admin", Map.entry(SYSTEM_ADMIN, List.of(kunming, qujing)));
        table.put("Kunming reviewer", Map.entry(KUNMING_A, List.of(qujing)));
        table.put("Qujing reviewer", Map.entry(QUJING, List.of(kunming)));
        table.put("province reviewer", Map.entry(PROVINCE, List.of(kunming, qujing)));
        Set<CurrentUser> reviewers = Set.of(KUNMING_A, QUJING, PROVINCE);
        List<DynamicTest> tests = new ArrayList<>();
        table.forEach((name, entry) -> {
            for (String action : List.of("approve", "return")) {
                tests.add(DynamicTest.dynamicTest(name + " " + action, () -> {
                    CurrentUser who = entry.getKey();
                    Answer nonexistent = call(who, action, NO_SUCH_REPORT);
                    assertThat(nonexistent.status()).isEqualTo(reviewers.contains(who) ? 404 : 403);
                    if (reviewers.contains(who)) {
                        assertThat(nonexistent.body()).contains("\"code\":\"notFound\"");
                    }
                    for (long id : entry.getValue()) {
                        assertThat(call(who, action, id)).as("report %d", id).isEqualTo(nonexistent);
                    }
                }));
            }
        });
        // and nothing was decided by any of those calls
        tests.add(DynamicTest.dynamicTest("no task was completed", () -> assertThat(
                jdbc.queryForObject("select count(*) from work_item where subject_id in (?, ?)", Integer.class, kunming, qujing))
                .isEqualTo(2)));
        return tests.stream();
    }

    @Test
    void theReviewerOfTheRightCityStillActsByReportId() throws Exception {
        long kunming = subjectOf(submit("530100", "530102", "昆明可审公司", false));
        Answer approved = call(KUNMING_A, "approve", kunming);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body()).contains("\"decision\":\"APPROVE\"");
    }

    @Test
    void taskIdActionsOnAnotherGroupsTaskAnswerLikeAMissingTask() {
        String qujingTask = taskId(submit("530300", "530302", "曲靖任务公司", false));
        String missing = "no-such-task-" + System.nanoTime();
        as(KUNMING_A);
        for (String task : List.of(qujingTask, missing)) {
            assertThatThrownBy(() -> review.claim(task)).isInstanceOf(NotFoundException.class).hasMessage(NotFoundException.DEFAULT_KEY);
            assertThatThrownBy(() -> review.release(task)).isInstanceOf(NotFoundException.class).hasMessage(NotFoundException.DEFAULT_KEY);
            assertThatThrownBy(() -> review.approve(task, null)).isInstanceOf(NotFoundException.class).hasMessage(NotFoundException.DEFAULT_KEY);
            assertThatThrownBy(() -> review.returnTask(task, ReturnTo.ENTERPRISE, "x")).isInstanceOf(NotFoundException.class)
                    .hasMessage(NotFoundException.DEFAULT_KEY);
            assertThatThrownBy(() -> review.item(task)).isInstanceOf(NotFoundException.class).hasMessage(NotFoundException.DEFAULT_KEY);
        }
        List<BulkResult> bulk = review.bulk(BulkAction.APPROVE, List.of(qujingTask, missing), null, null, Set.of(qujingTask, missing), null);
        assertThat(bulk).extracting(BulkResult::messageKey).containsOnly(NotFoundException.DEFAULT_KEY);
        assertThat(bulk).extracting(BulkResult::enterpriseName).containsOnlyNulls();
    }
}
