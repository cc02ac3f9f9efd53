package cn.yn.employment.report.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportTestBase;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The enterprises' REST API end to end over MockMvc: window, draft, validation errors, submit, idempotency, scope. */
class ReportApiTest extends ReportTestBase {

    static final String P = "2026-02";
    static final String FINE = """
            {"headcount": 101, "hired": 2, "separated": 1, "dispatched": 0}""";

    @Autowired WebApplicationContext context;
    @Autowired PeriodService periods;
    @Autowired PeriodCalendarService calendar;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        period(P, periods);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static RequestPostProcessor as(CurrentUser u) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(u, null,
                u.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    @Test
    void theEnterpriseSeesItsOwnCityWindowAndWhetherItMaySubmit() throws Exception {
        long kunming = filedEnterprise("530100", "530102", 100);
        long qujing = filedEnterprise("530300", "530302", 100);
        actAs(province());
        Instant cityEnd = Instant.parse("2026-03-04T16:00:00Z"); // 5 March 00:00 in Yunnan: before the test clock
        calendar.setCityWindow(P, "530300", Instant.parse("2026-02-28T16:00:00Z"), cityEnd);

        mvc.perform(get("/api/v1/periods/current").with(as(enterpriseUser(kunming))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(P))
                .andExpect(jsonPath("$.windowEnd").value("2026-03-10T16:00:00Z"))
                .andExpect(jsonPath("$.openForMe").value(true));
        mvc.perform(get("/api/v1/periods/current").with(as(enterpriseUser(qujing))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windowEnd").value(cityEnd.toString()))
                .andExpect(jsonPath("$.openForMe").value(false));
        mvc.perform(post("/api/v1/reports/{p}", P).with(as(enterpriseUser(qujing))).contentType(MediaType.APPLICATION_JSON).content(FINE))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void draftThenFieldErrorsThenSubmitOnceThenReadBack() throws Exception {
        long ent = filedEnterprise("530100", "530102", 100);
        CurrentUser me = enterpriseUser(ent);
        mvc.perform(get("/api/v1/reports/{p}", P).with(as(me))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/reports/{p}/draft", P).with(as(me)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headcount\": 99}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andExpect(jsonPath("$.figures.headcount").value(99));

        mvc.perform(post("/api/v1/reports/{p}", P).with(as(me)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headcount\": -1}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fieldErrors[*].field", Matchers.hasItem("headcount")))
                .andExpect(jsonPath("$.message", Matchers.matchesPattern(".*\\p{IsHan}.*")));
        mvc.perform(post("/api/v1/reports/{p}", P).with(as(me)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{\"headcount\": -1}"))
                .andExpect(jsonPath("$.message", Matchers.not(Matchers.matchesPattern(".*\\p{IsHan}.*"))));
        mvc.perform(post("/api/v1/reports/{p}", P).with(as(me)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headcount\": 1.5}"))
                .andExpect(status().isBadRequest());

        mvc.perform(post("/api/v1/reports/{p}", P).with(as(me)).contentType(MediaType.APPLICATION_JSON).content(FINE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING_CITY"))
                .andExpect(jsonPath("$.versionNo").value(1));
        // a retry with the same figures is answered with the same report; other figures are refused while in review
        mvc.perform(post("/api/v1/reports/{p}", P).with(as(me)).contentType(MediaType.APPLICATION_JSON).content(FINE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versionNo").value(1));
        mvc.perform(post("/api/v1/reports/{p}", P).with(as(me)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headcount\": 102}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("report.submit.notEditable"));
        mvc.perform(get("/api/v1/reports/{p}/versions", P).with(as(me)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/v1/reports/{p}", P).with(as(me)))
                .andExpect(jsonPath("$.state").value("PENDING_CITY"))
                .andExpect(jsonPath("$.figures.headcount").value(101));
    }

    @Test
    void onlyEnterpriseAccountsUseTheReportEndpointsAndNobodyAnonymously() throws Exception {
        mvc.perform(get("/api/v1/reports/{p}", P).with(as(city("530100")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/{p}", P)).andExpect(status().isUnauthorized());
    }
}
