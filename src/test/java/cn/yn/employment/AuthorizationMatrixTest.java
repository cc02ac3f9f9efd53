package cn.yn.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.yn.employment.demo.DemoAccounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * S1 (issue 14): the authorization matrix as one table. Every REST endpoint is taken from Spring MVC's
 * {@link RequestMappingHandlerMapping} and every Vaadin view from its {@link Route} annotation, so a new one that is
 * missing from the tables below fails this test until someone states who may use it. Each endpoint is called with a
 * real bearer token of each demo account (one per role) and without one; path ids are guessed (report 1, a city the
 * caller does not have), so a role that is allowed through meets the scope and "not found" rules of the handler.
 *
 * <p>Legend of the REST table: {@code A} = allowed through authorization (the handler ran: 2xx, or a business
 * answer 400/404/409/422 — guessed ids do not exist or are not the caller's), {@code D} = refused 403, {@code -} =
 * 401 (no or bad credentials). Columns: anonymous, enterprise, city reviewer (Kunming), province reviewer, leader
 * (province), process admin, system admin. Scope (own/other) of id-bearing endpoints is covered row by row: the
 * enterprise endpoints take no ids at all (the token's enterprise is the only one reachable), the review endpoints
 * answer one 404 for a foreign or guessed report ({@code ReviewApiIdOracleTest}, {@code LostRaceTest}), a city
 * account asking statistics for another city is refused (rows with {@code city=530300}).
 */
// a context of its own: classes sharing FoundationTest's context leave clocks, sessions and accounts behind that
// turned every bearer call of this table into a 401 in the full suite (passing alone)
@org.springframework.test.context.TestPropertySource(properties = "ems.test.context=authorization-matrix")
public class AuthorizationMatrixTest extends FoundationTest {

    /** The columns: anonymous first, then one demo account per role. */
    static final List<String> CALLERS = List.of("anonymous", DemoAccounts.ENTERPRISE, DemoAccounts.CITY_REVIEWER,
            DemoAccounts.PROVINCE_REVIEWER, DemoAccounts.LEADER, DemoAccounts.PROCESS_ADMIN, DemoAccounts.SYSTEM_ADMIN);

    /**
     * method path-template [?query] → expected per caller (anon, ENT, CITY, PROV, LEAD, PADM, SADM). A row per endpoint
     * of the application; extra rows (same endpoint, other query) test scope.
     */
    static final List<String> REST = List.of(
            "POST   /api/v1/tokens                                          | - A A A A A A",
            "GET    /api/v1/periods/current                                 | - A A A A A A",
            "GET    /api/v1/reports/{periodCode}                            | - A D D D D D",
            "PUT    /api/v1/reports/{periodCode}/draft                      | - A D D D D D",
            "POST   /api/v1/reports/{periodCode}                            | - A D D D D D",
            "POST   /api/v1/reports/{periodCode}/withdraw                   | - A D D D D D",
            "GET    /api/v1/reports/{periodCode}/receipt                    | - A D D D D D",
            "GET    /api/v1/reports/{periodCode}/versions                   | - A D D D D D",
            "POST   /api/v1/review/reports/{reportId}/correct               | - D D A D D D",
            "POST   /api/v1/review/reports/{reportId}/approve               | - D A A D D D",
            "POST   /api/v1/review/reports/{reportId}/return                | - D A A D D D",
            "POST   /api/v1/review/reports/{reportId}/transfer              | - D A A D D D",
            "POST   /api/v1/review/reports/{reportId}/delegate              | - D A A D D D",
            "POST   /api/v1/review/reports/{reportId}/resolve               | - D A A D D D",
            "POST   /api/v1/review/reports/{reportId}/copy                  | - D A A D D D",
            "GET    /api/v1/statistics/{periodCode}/counts                  | - D A A A D D",
            "GET    /api/v1/statistics/{periodCode}/reports/{report}        | - D A A A D D",
            "GET    /api/v1/forwarding/periods                              | - D D A D D D",
            "GET    /api/v1/forwarding/periods/{period}                     | - D D A D D D",
            "POST   /api/v1/forwarding/periods/{period}/build               | - D D A D D D",
            "POST   /api/v1/forwarding/periods/{period}/send                | - D D A D D D",
            "GET    /api/v1/forwarding/periods/{period}/transmissions       | - D D A D D D",
            "GET    /api/v1/forwarding/periods/{period}/packages/{sequence} | - D D A D D D",
            "POST   /api/v1/forwarding/periods/{period}/packages/{sequence}/resend      | - D D A D D D",
            "POST   /api/v1/forwarding/periods/{period}/packages/{sequence}/acknowledge | - D D A D D D",
            // Vaadin's Hilla RPC endpoint (comes with vaadin-spring; the application has no browser-callable services):
            // it is on the pages' chain, so without the page's CSRF token everyone is refused before anything else
            "POST   /connect/{endpoint}/{method}                            | D D D D D D D");

    /** Handler mappings outside the API that are public by design (the OpenAPI document, Boot's error page). */
    static final Set<String> PUBLIC_NON_API = Set.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
            "/v3/api-docs/{group}", "/v3/api-docs.yaml/{group}", "/swagger-ui.html", "/error");

    /**
     * Vaadin route → who may open it: {@code anonymous}, {@code signed-in} (any role) or the roles (E C P L PA SA).
     */
    static final Map<String, String> ROUTES = new TreeMap<>(Map.ofEntries(
            Map.entry("login", "anonymous"),
            Map.entry("register", "anonymous"),
            Map.entry("sso-refused", "anonymous"),
            Map.entry("", "signed-in"),
            Map.entry("account/password", "signed-in"),
            Map.entry("notice", "signed-in"),
            Map.entry("notifications", "signed-in"),
            Map.entry("enterprise/filing", "E"),
            Map.entry("report/history", "E"),
            Map.entry("report/:periodCode?([0-9]{4}-[0-9]{2})", "E"),
            Map.entry("enterprises", "C P"),
            Map.entry("review/inbox", "C P"),
            Map.entry("review/copies", "C P L"),
            Map.entry("notices/manage", "C P"),
            Map.entry("notices", "E C P L"),
            Map.entry("dashboard", "C P L"),
            Map.entry("statistics/archive", "C P L"),
            Map.entry("progress", "C P L"),
            Map.entry("forwarding", "P"),
            Map.entry("late-filing", "P"),
            Map.entry("periods", "P"),
            Map.entry("admin/jobs", "P SA"),
            Map.entry("process/instance/:processInstanceId", "E C P PA"),
            Map.entry("process/definitions", "PA"),
            Map.entry("process/diagram/:definitionId", "PA"),
            Map.entry("process/editor/:key", "PA"),
            Map.entry("process/jobs", "PA"),
            Map.entry("process/instances", "PA"),
            Map.entry("admin/audit", "SA"),
            Map.entry("admin/codes", "SA"),
            Map.entry("admin/migration", "SA"),
            Map.entry("admin/migration/mapping", "SA"),
            Map.entry("admin/outbox", "SA"),
            Map.entry("admin/parameters", "SA"),
            Map.entry("admin/users", "SA")));

    static final Map<String, String> ROLE_OF_COLUMN = new LinkedHashMap<>();

    static {
        ROLE_OF_COLUMN.put("E", "ENTERPRISE");
        ROLE_OF_COLUMN.put("C", "CITY_REVIEWER");
        ROLE_OF_COLUMN.put("P", "PROVINCE_REVIEWER");
        ROLE_OF_COLUMN.put("L", "LEADER");
        ROLE_OF_COLUMN.put("PA", "PROCESS_ADMIN");
        ROLE_OF_COLUMN.put("SA", "SYSTEM_ADMIN");
    }

    /** The scope rows: same endpoint, a query that reaches outside the caller's scope. */
    static final List<String> SCOPE_ROWS = List.of(
            "GET    /api/v1/statistics/{periodCode}/counts?city=530300      | - D D A A D D",
            "GET    /api/v1/statistics/{periodCode}/reports/{report}?city=530300 | - D D A A D D",
            "GET    /api/v1/statistics/{periodCode}/reports/{report}?city=530100 | - D A A A D D");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    record Row(String method, String path, String query, List<String> expected) {
        static Row parse(String line) {
            String[] halves = line.split("\\|");
            String[] left = halves[0].trim().split("\\s+");
            String target = left[1];
            int q = target.indexOf('?');
            return new Row(left[0], q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
                    List.of(halves[1].trim().split("\\s+")));
        }

        String endpoint() {
            return method + " " + path;
        }
    }

    /** Every mapped method + pattern of the application (Spring MVC's own mappings, not Vaadin's servlet). */
    private Set<String> mappedEndpoints() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (PUBLIC_NON_API.contains(pattern)) {
                    continue;
                }
                if (methods.isEmpty()) {
                    out.add("ANY " + pattern);
                }
                methods.forEach(m -> out.add(m.name() + " " + pattern));
            }
        }
        return out;
    }

    @Test
    void everyMappedEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> table = REST.stream().map(Row::parse).map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertThat(mappedEndpoints()).as("endpoints without a row in REST (add one: who may call it?)")
                .containsExactlyInAnyOrderElementsOf(table);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointTimesEveryRole() throws Exception {
        ensurePeriod(jdbc);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : CALLERS.subList(1, CALLERS.size())) {
            // an address of its own: other tests of this shared context may have throttled 127.0.0.1 (LoginThrottle)
            String body = mvc.perform(request(HttpMethod.POST, "/api/v1/tokens").with(httpBasic(user, DemoAccounts.PASSWORD))
                            .with(r -> {
                                r.setRemoteAddr("198.51.100.77");
                                return r;
                            }))
                    .andReturn().getResponse().getContentAsString();
            assertThat(json.readTree(body).path("token").asText()).as("token of %s: %s", user, body).isNotBlank();
            tokens.put(user, json.readTree(body).path("token").asText());
        }
        List<DynamicTest> tests = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        REST.forEach(l -> rows.add(Row.parse(l)));
        SCOPE_ROWS.forEach(l -> rows.add(Row.parse(l)));
        for (Row row : rows) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                String expected = row.expected().get(i);
                String token = tokens.get(caller);
                tests.add(DynamicTest.dynamicTest(row.endpoint() + (row.query() == null ? "" : "?" + row.query())
                        + " as " + caller + " → " + expected, () -> {
                    int status = call(row, token);
                    assertThat(outcome(status)).as("%s as %s answered %d", row.endpoint(), caller, status).isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }

    public static void ensurePeriod(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        if (jdbc.queryForObject("select count(*) from survey_period where code = ?", Integer.class, PERIOD) == 0) {
            java.sql.Timestamp t = java.sql.Timestamp.from(java.time.Instant.parse("2019-11-01T00:00:00Z"));
            jdbc.update("insert into survey_period (code, window_start, window_end, state, created_at, updated_at)"
                    + " values (?, ?, ?, 'CLOSED', ?, ?)", PERIOD, t, t, t, t);
        }
    }

    private int call(Row row, String token) throws Exception {
        String url = fill(row.path()) + (row.query() == null ? "" : "?" + row.query());
        MockHttpServletRequestBuilder b = request(HttpMethod.valueOf(row.method()), url);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (row.method().equals("POST") || row.method().equals("PUT")) {
            // a well-formed body, so that a refusal is the authorization's and not the JSON binding's
            String to = row.path().endsWith("/copy") ? "[\"nobody\"]" : "\"nobody\"";
            b.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"矩阵测试\",\"to\":" + to + "}");
        }
        return mvc.perform(b).andReturn().getResponse().getStatus();
    }

    private static final Pattern VAR = Pattern.compile("\\{([^}]+)}");

    /** A closed period long ago that every row names, so that period checks pass and the scope checks are reached. */
    public static final String PERIOD = "2019-11";

    /** Guessed values: report 1, sequence 1, the closed {@link #PERIOD}, the first statistics report. */
    public static String fill(String template) {
        Matcher m = VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "periodCode", "period" -> PERIOD;
                case "report" -> "summary-city";
                default -> "1";
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    static String outcome(int status) {
        if (status == 401) {
            return "-";
        }
        if (status == 403) {
            return "D";
        }
        return status < 500 ? "A" : "error " + status;
    }

    @Test
    void everyRouteIsInTheTableAndOpensForExactlyItsRoles() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new TreeMap<>();
        for (BeanDefinition d : scan.findCandidateComponents("cn.yn.employment")) {
            Class<?> view = Class.forName(d.getBeanClassName());
            if (view.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                continue; // a test's own route (Karibu fixtures), not the application's
            }
            routes.put(view.getAnnotation(Route.class).value(), view);
        }
        assertThat(routes.keySet()).as("routes without a row in ROUTES (add one: who may open it?)")
                .containsExactlyInAnyOrderElementsOf(ROUTES.keySet());

        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Principal someone = () -> "someone";
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Class<?>> r : routes.entrySet()) {
            String rule = ROUTES.get(r.getKey());
            Class<?> view = r.getValue();
            if (checker.hasAccess(view, null, role -> false) != rule.equals("anonymous")) {
                wrong.add(r.getKey() + ": anonymous");
            }
            for (Map.Entry<String, String> column : ROLE_OF_COLUMN.entrySet()) {
                boolean expected = rule.equals("anonymous") || rule.equals("signed-in")
                        || List.of(rule.split(" ")).contains(column.getKey());
                boolean actual = checker.hasAccess(view, someone, role -> role.equals(column.getValue()));
                if (expected != actual) {
                    wrong.add(r.getKey() + ": " + column.getValue() + " expected " + expected);
                }
            }
        }
        assertThat(wrong).as("views whose access annotation disagrees with the table").isEmpty();
    }
}
