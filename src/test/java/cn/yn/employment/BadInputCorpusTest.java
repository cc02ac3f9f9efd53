package cn.yn.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * S3 (issue 14): the bad-input corpus through the API, table-driven. Each case sends one bad value (overlong,
 * control characters, bidi overrides, out-of-range, non-numeric and fractional numbers, unknown codes, malformed
 * JSON) to one entry point: the answer is 400 or 422 naming the field (malformed JSON: 400 without a field, since no
 * field can be named), never a 500, and the report, its versions, the review task and the hand-over tables are
 * exactly as before. Markup and SQL metacharacters are text like any other: accepted and stored verbatim (escaped
 * where shown), the tables intact. Full-width digits and codes are folded to ASCII. The forms' side is
 * {@code ReportFormBadInputTest}; per-field control/bidi refusal of every input record is {@code EveryTextFieldTest}.
 */
class BadInputCorpusTest extends ReportTestBase {

    static final String P = "2026-02";
    static final String NOTE = "\"订单减少\"";
    static final List<String> REFUSED_TEXT = List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\u202e", "\\u2066", "\\u200f\\u202d");
    static final List<String> VERBATIM = List.of("<script>alert(1)</script><b>粗</b>", "'; drop table report; --",
            "1' or '1'='1", "\\\\x00 %s %n ${jndi:ldap://x/a}");

    @Autowired WebApplicationContext context;
    @Autowired PeriodService periods;
    @Autowired ReportService reports;
    @Autowired TaskService tasks;
    final ObjectMapper json = new ObjectMapper();

    /** One case: entry point, what is bad, the request body, the expected status and field (null: none). */
    record Case(String entry, String label, String body, int status, String field) {
    }

    @Test
    void everyBadValueGetsAFieldErrorNeverA500AndNothingIsStoredHalf() throws Exception {
        period(P, periods);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        long ent = filedEnterprise("530100", "530102", 100);
        CurrentUser enterprise = enterpriseUser(ent);
        actAs(enterprise);
        long draft = reports.draftFor(ent, P).id();
        // a report in city review for the reviewers' entry points
        long reviewed = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(reviewed));
        ReportView inReview = reports.submit(reports.draftFor(reviewed, P).id(), ReportForm.empty().withHeadcount(100), null);
        String task = tasks.createTaskQuery().processInstanceId(inReview.processInstanceId()).singleResult().getId();

        List<Case> cases = new ArrayList<>();
        for (String entry : List.of("PUT draft", "POST submit")) {
            for (String field : List.of("reason1Note", "otherNote")) {
                cases.add(new Case(entry, field + " overlong (501)", body(field, "\"" + "长".repeat(501) + "\""), 422, field));
                for (String bad : REFUSED_TEXT) {
                    cases.add(new Case(entry, field + " with " + bad, body(field, "\"正常" + bad + "文本\""), 422, field));
                }
            }
            cases.add(new Case(entry, "headcount -1", body("headcount", "-1"), 422, "headcount"));
            cases.add(new Case(entry, "headcount 1,000,001", body("headcount", "1000001"), 422, "headcount"));
            cases.add(new Case(entry, "headcount 2^31 (overflow)", body("headcount", "2147483648"), 400, "headcount"));
            cases.add(new Case(entry, "headcount 1e400", body("headcount", "1e400"), 400, "headcount"));
            cases.add(new Case(entry, "headcount 80.5", body("headcount", "80.5"), 400, "headcount"));
            cases.add(new Case(entry, "headcount \"abc\"", body("headcount", "\"abc\""), 400, "headcount"));
            cases.add(new Case(entry, "headcount [80]", body("headcount", "[80]"), 400, "headcount"));
            cases.add(new Case(entry, "headcount 2,000 digits", body("headcount", "1".repeat(2000)), 400, null));
            cases.add(new Case(entry, "hired -5", body("hired", "-5"), 422, "hired"));
            cases.add(new Case(entry, "reductionType unknown code", body("reductionType", "\"XX99\""), 422, "reductionType"));
            cases.add(new Case(entry, "reason1Code SQL", body("reason1Code", "\"RC01' --\""), 422, "reason1Code"));
            cases.add(new Case(entry, "truncated JSON", "{\"headcount\":", 400, null));
            cases.add(new Case(entry, "trailing comma", "{\"headcount\":80,}", 400, null));
            cases.add(new Case(entry, "array instead of object", "[80]", 400, null));
            cases.add(new Case(entry, "empty body", "", 400, null));
            cases.add(new Case(entry, "nested 5,000 deep", "{\"headcount\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400, null));
            cases.add(new Case(entry, "not UTF-8", "{\"otherNote\":\"\u00ff\u00fe\"}", 400, null));
        }
        cases.add(new Case("POST submit", "explanation overlong (1001)", body("explanation", "\"" + "说".repeat(1001) + "\""), 422, "explanation"));
        cases.add(new Case("POST submit", "explanation with U+202E", body("explanation", "\"说明\\u202e\""), 422, "explanation"));
        for (String entry : List.of("POST return", "POST transfer", "POST copy", "POST correct")) {
            cases.add(new Case(entry, "reason overlong (1001)", reviewBody(entry, "\"" + "因".repeat(1001) + "\""), 422, "reason"));
            for (String bad : REFUSED_TEXT) {
                cases.add(new Case(entry, "reason with " + bad, reviewBody(entry, "\"核对" + bad + "\""), 422, "reason"));
            }
            cases.add(new Case(entry, "truncated JSON", "{\"reason\":", 400, null));
            cases.add(new Case(entry, "reason as a number", reviewBody(entry, "[1]"), 400, "reason"));
        }

        Map<String, Integer> perEntry = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int fiveHundreds = 0;
        for (Case c : cases) {
            Map<String, Object> before = state(draft, inReview.id(), task);
            MockHttpServletResponse r = send(mvc, c, enterprise, inReview.id(), c.body().equals("") ? MediaType.APPLICATION_JSON : null);
            fiveHundreds += r.getStatus() >= 500 ? 1 : 0;
            String field = fieldOf(r);
            if (r.getStatus() != c.status() || (c.field() != null && !c.field().equals(field))) {
                wrong.add(c.entry() + " / " + c.label() + ": expected " + c.status() + " " + c.field() + ", got " + r.getStatus()
                        + " " + field + " " + r.getContentAsString(StandardCharsets.UTF_8));
            }
            if (!state(draft, inReview.id(), task).equals(before)) {
                wrong.add(c.entry() + " / " + c.label() + ": something was stored");
            }
            perEntry.merge(c.entry(), 1, Integer::sum);
        }

        // markup and SQL metacharacters are text: stored verbatim, the tables intact
        int verbatim = 0;
        for (String text : VERBATIM) {
            String encoded = json.writeValueAsString(text);
            MockHttpServletResponse r = send(mvc, new Case("PUT draft", "verbatim", body("otherNote", encoded), 200, null),
                    enterprise, inReview.id(), null);
            assertThat(r.getStatus()).as(text).isEqualTo(200);
            assertThat(jdbc.queryForObject("select other_note from report where id = ?", String.class, draft)).isEqualTo(text);
            verbatim++;
        }
        // full-width digits in a number given as text fold to ASCII like the codes do
        MockHttpServletResponse folded = send(mvc, new Case("PUT draft", "full-width", body("headcount", "\"１００\""), 200, null),
                enterprise, inReview.id(), null);
        String foldedAnswer = folded.getStatus() + " " + fieldOf(folded);
        assertThat(jdbc.queryForObject("select count(*) from report", Integer.class)).isPositive();

        System.out.printf("S3 API corpus: %d bad-input cases over %d entry points %s; %d wrong answers, %d x 500, "
                        + "0 stored half; %d markup/SQL texts stored verbatim; full-width \"１００\" as headcount -> %s%n",
                cases.size(), perEntry.size(), perEntry, wrong.size(), fiveHundreds, verbatim, foldedAnswer);
        assertThat(wrong).isEmpty();
        assertThat(fiveHundreds).isZero();
    }

    /** The draft body with one field's raw JSON value replaced (or added). */
    static String body(String field, String rawValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headcount", "80");
        fields.put("reductionType", "\"RT01\"");
        fields.put("reason1Code", "\"RC01\"");
        fields.put("reason1Note", NOTE);
        fields.put("otherNote", "null");
        fields.put(field, rawValue);
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    static String reviewBody(String entry, String rawReason) {
        return switch (entry) {
            case "POST return" -> "{\"reason\":" + rawReason + ",\"returnTo\":\"ENTERPRISE\"}";
            case "POST transfer" -> "{\"to\":\"km_b\",\"reason\":" + rawReason + "}";
            case "POST copy" -> "{\"to\":[\"km_b\"],\"reason\":" + rawReason + "}";
            default -> "{\"reason\":" + rawReason + "}";
        };
    }

    private MockHttpServletResponse send(MockMvc mvc, Case c, CurrentUser enterprise, long reportId, MediaType type) throws Exception {
        CurrentUser caller = switch (c.entry()) {
            case "PUT draft", "POST submit" -> enterprise;
            case "POST correct" -> province();
            default -> city("530100");
        };
        actAs(caller); // the services read the holder of this thread too
        MockHttpServletRequestBuilder req = switch (c.entry()) {
            case "PUT draft" -> put("/api/v1/reports/{p}/draft", P);
            case "POST submit" -> post("/api/v1/reports/{p}", P);
            case "POST return" -> post("/api/v1/review/reports/{id}/return", reportId);
            case "POST transfer" -> post("/api/v1/review/reports/{id}/transfer", reportId);
            case "POST copy" -> post("/api/v1/review/reports/{id}/copy", reportId);
            default -> post("/api/v1/review/reports/{id}/correct", reportId);
        };
        byte[] content = c.label().equals("not UTF-8") ? new byte[] {'{', '"', 'o', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}
                : c.body().getBytes(StandardCharsets.UTF_8);
        req.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                        caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())))
                .contentType(type == null ? MediaType.APPLICATION_JSON : type).content(content);
        return mvc.perform(req).andReturn().getResponse();
    }

    private String fieldOf(MockHttpServletResponse r) throws Exception {
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        if (text.isBlank() || !text.trim().startsWith("{")) {
            return null;
        }
        JsonNode errors = json.readTree(text).path("fieldErrors");
        return errors.isArray() && !errors.isEmpty() ? errors.get(0).path("field").asText() : null;
    }

    /** Everything a refused request could have touched. */
    private Map<String, Object> state(long draft, long reviewed, String task) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("draft", jdbc.queryForMap("select state, headcount, hired, reduction_type, reason1_code, reason1_note, other_note,"
                + " version_no, updated_at from report where id = ?", draft));
        s.put("reviewed", jdbc.queryForMap("select state, version_no, return_reason, updated_at from report where id = ?", reviewed));
        s.put("versions", jdbc.queryForObject("select count(*) from report_version where report_id in (?, ?)", Integer.class, draft, reviewed));
        s.put("events", jdbc.queryForObject("select count(*) from report_event where report_id in (?, ?)", Integer.class, draft, reviewed));
        s.put("task", tasks.createTaskQuery().taskId(task).count());
        s.put("done", jdbc.queryForObject("select count(*) from work_item_done where task_id = ?", Integer.class, task));
        s.put("handovers", jdbc.queryForObject("select count(*) from work_item_handover where task_id = ?", Integer.class, task));
        s.put("copies", jdbc.queryForObject("select count(*) from work_item_copy where task_id = ?", Integer.class, task));
        return s;
    }
}
