package cn.yn.employment.report.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 18 item 7 through the API: NUL, BEL, ESC sequences and U+202E in a report's notes and explanation were
 * stored verbatim (and later shown to reviewers, put into PDFs and Excel). Now 422 with a field error on the field,
 * and nothing is stored.
 */
class ReportTextInputTest extends ReportTestBase {

    static final String P = "2026-02";

    @Autowired WebApplicationContext context;
    @Autowired PeriodService periods;
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

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b[31m", "\u202e", "\u2066"})
    void aNoteWithAControlOrBidiCharacterIsRefusedAndNotStored(String bad) throws Exception {
        long ent = filedEnterprise("530100", "530102", 100);
        String body = "{\"headcount\":80,\"reductionType\":\"RT01\",\"reason1Code\":\"RC01\",\"reason1Note\":"
                + json("订单减少" + bad) + ",\"otherNote\":\"其他\"}";
        mvc.perform(put("/api/v1/reports/{p}/draft", P).with(as(enterpriseUser(ent))).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("common.text.invalid"))
                .andExpect(jsonPath("$.fieldErrors[0].field").value("reason1Note"));
        String explained = "{\"headcount\":100,\"explanation\":" + json("说明" + bad) + "}";
        mvc.perform(post("/api/v1/reports/{p}", P).with(as(enterpriseUser(ent))).contentType(MediaType.APPLICATION_JSON)
                        .content(explained))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("explanation"));
        // (no query with the character itself: PostgreSQL cannot take NUL in a text parameter at all)
        assertThat(jdbc.queryForObject("select count(*) from report where enterprise_id = ? and (reason1_note is not null or state <> 'DRAFT')",
                Integer.class, ent)).isZero();
    }

    @org.junit.jupiter.api.Test
    void fullWidthCodesAreFoldedAndTextIsStoredInNfc() throws Exception {
        long ent = filedEnterprise("530100", "530102", 100);
        String body = "{\"headcount\":80,\"reductionType\":\"ＲＴ０１\",\"reason1Code\":\"ＲＣ０１\",\"reason1Note\":"
                + json("Cafe\u0301订单") + "}";
        mvc.perform(put("/api/v1/reports/{p}/draft", P).with(as(enterpriseUser(ent))).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForMap("select reduction_type, reason1_code, reason1_note from report where enterprise_id = ?", ent))
                .containsEntry("reduction_type", "RT01").containsEntry("reason1_code", "RC01")
                .containsEntry("reason1_note", "Caf\u00e9订单");
    }
}
