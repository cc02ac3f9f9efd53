package cn.yn.employment.report.api;

import static cn.yn.employment.report.api.ReportApiTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Idempotency-Key on the report API: a retry gets the first outcome, a reused key with another body is refused. */
class IdempotentSubmitTest extends ReportTestBase {

    static final String P = "2026-02";
    static final String FINE = """
            {"headcount": 101, "hired": 2, "separated": 1, "dispatched": 0}""";

    @Autowired WebApplicationContext context;
    @Autowired PeriodService periods;
    @Autowired HistoryService history;
    final ObjectMapper json = new ObjectMapper();

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        period(P, periods);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private MockHttpServletRequestBuilder submit(CurrentUser me, String key, String body) {
        MockHttpServletRequestBuilder b = post("/api/v1/reports/{p}", P).with(as(me)).contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? b : b.header("Idempotency-Key", key);
    }

    @Test
    void aRetryGetsTheFirstOutcomeEvenAfterTheReportMovedOn() throws Exception {
        long ent = filedEnterprise("530100", "530102", 100);
        CurrentUser me = enterpriseUser(ent);
        mvc.perform(submit(me, "k-submit-1", FINE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING_CITY")).andExpect(jsonPath("$.versionNo").value(1));
        mvc.perform(post("/api/v1/reports/{p}/withdraw", P).with(as(me)).header("Idempotency-Key", "k-withdraw-1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DRAFT"));
        // the client did not see the answers and retries both: the first outcomes, and nothing is done again
        mvc.perform(submit(me, "k-submit-1", FINE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING_CITY")).andExpect(jsonPath("$.versionNo").value(1));
        mvc.perform(post("/api/v1/reports/{p}/withdraw", P).with(as(me)).header("Idempotency-Key", "k-withdraw-1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DRAFT"));
        assertThat(state(ent)).isEqualTo("DRAFT");
        assertThat(versions(ent)).isEqualTo(1);
        // a new submission needs a new key
        mvc.perform(submit(me, "k-submit-2", FINE)).andExpect(status().isOk()).andExpect(jsonPath("$.versionNo").value(2));
        assertThat(versions(ent)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAtTheHeader() throws Exception {
        long ent = filedEnterprise("530100", "530102", 100);
        CurrentUser me = enterpriseUser(ent);
        mvc.perform(submit(me, "k-conflict", FINE)).andExpect(status().isOk());
        mvc.perform(submit(me, "k-conflict", "{\"headcount\": 150, \"hired\": 2, \"separated\": 1, \"dispatched\": 0}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("api.idempotency.conflict"))
                .andExpect(jsonPath("$.fieldErrors[0].field").value("Idempotency-Key"));
        mvc.perform(submit(me, "x".repeat(101), FINE)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("api.idempotency.invalidKey"));
        assertThat(versions(ent)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() throws Exception {
        long ent = filedEnterprise("530100", "530102", 100);
        CurrentUser me = enterpriseUser(ent);
        mvc.perform(submit(me, "k-refused", "{\"headcount\": -1}")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fieldErrors[*].field").value(org.hamcrest.Matchers.hasItem("headcount")));
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idem_key = 'k-refused'", Integer.class)).isZero();
        mvc.perform(submit(me, "k-refused", FINE)).andExpect(status().isOk()).andExpect(jsonPath("$.versionNo").value(1));
    }

    @Test
    void keysBelongToTheirUser() throws Exception {
        long a = filedEnterprise("530100", "530102", 100);
        long b = filedEnterprise("530100", "530102", 100);
        mvc.perform(submit(enterpriseUser(a), "k-shared", FINE)).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(reportId(a)));
        // another enterprise using the same key string gets its own submission, never the first one's outcome
        mvc.perform(submit(enterpriseUser(b), "k-shared", FINE)).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(reportId(b)));
    }

    @Test
    void twoDuplicateSubmitsAtOnceMakeOneVersionOneProcessAndOneInboxRow() throws Exception {
        for (int run = 0; run < 3; run++) {
            long ent = filedEnterprise("530100", "530102", 100);
            CurrentUser me = enterpriseUser(ent);
            String key = "k-race-" + ent;
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<MvcResult>> calls = new ArrayList<>();
            try {
                for (int t = 0; t < 2; t++) {
                    calls.add(pool.submit(() -> {
                        together.await();
                        return mvc.perform(submit(me, key, FINE)).andReturn();
                    }));
                }
                List<JsonNode> answers = new ArrayList<>();
                for (Future<MvcResult> f : calls) {
                    MvcResult r = f.get(120, TimeUnit.SECONDS);
                    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
                    answers.add(json.readTree(r.getResponse().getContentAsByteArray()));
                }
                assertThat(answers.get(0)).isEqualTo(answers.get(1));
            } finally {
                pool.shutdownNow();
            }
            long id = reportId(ent);
            assertThat(versions(ent)).isEqualTo(1);
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("REPORT:" + id).count()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from work_item where kind = 'REPORT' and subject_id = ?", Integer.class, id))
                    .isEqualTo(1);
        }
    }

    private long reportId(long ent) {
        return jdbc.queryForObject("select id from report where enterprise_id = ? and period_code = ?", Long.class, ent, P);
    }

    private String state(long ent) {
        return jdbc.queryForObject("select state from report where enterprise_id = ? and period_code = ?", String.class, ent, P);
    }

    private int versions(long ent) {
        return jdbc.queryForObject("select count(*) from report_version v join report r on r.id = v.report_id"
                + " where r.enterprise_id = ? and r.period_code = ?", Integer.class, ent, P);
    }
}
