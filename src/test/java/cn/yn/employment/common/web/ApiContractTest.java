package cn.yn.employment.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API's error contract (docs/api.md) checked over real HTTP, table-driven from the OpenAPI document: every
 * operation /v3/api-docs lists is called without and with wrong credentials, with unknown ids, malformed bodies,
 * numbers that do not parse, the wrong media type and the wrong method, as each of the API's roles. Every answer
 * that is not a success must be declared in the document and carry the one error body. A new endpoint is
 * covered by being in the document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.demo.enabled=true", "app.demo.contributors-enabled=false"})
class ApiContractTest {

    static final List<String> CALLERS = List.of(DemoAccounts.ENTERPRISE, DemoAccounts.CITY_REVIEWER,
            DemoAccounts.PROVINCE_REVIEWER, DemoAccounts.LEADER);
    static final String UNKNOWN_NUMBER = "987654321";
    static final String UNKNOWN_TEXT = "2099-01";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();
    JsonNode doc;
    List<Op> operations;

    /** One operation of the document. */
    record Op(String method, String path, JsonNode node) {

        Set<String> declared() {
            Set<String> codes = new HashSet<>();
            node.path("responses").fieldNames().forEachRemaining(codes::add);
            return codes;
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> out = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    out.add(p);
                }
            });
            return out;
        }

        boolean hasBody() {
            return node.has("requestBody");
        }

        /** The path with each path parameter replaced by the given value for its type. */
        String path(String number, String text) {
            String p = path;
            for (JsonNode param : parameters("path")) {
                boolean numeric = List.of("integer", "number").contains(param.path("schema").path("type").asText());
                p = p.replace("{" + param.path("name").asText() + "}", numeric ? number : text);
            }
            return p;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void readTheDocument() throws Exception {
        HttpResponse<String> r = send("GET", "/v3/api-docs", null, null, null, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        doc = json.readTree(r.body());
        operations = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                operations.add(new Op(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }));
        assertThat(operations).as("the API's operations").hasSizeGreaterThanOrEqualTo(12);
    }

    // ------------------------------------------------------------------ the document itself

    @Test
    void everyOperationDeclaresItsSecurityAndEachErrorWithTheErrorSchema() {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("bearerToken").path("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.path("components").path("schemas").path("ApiError").path("properties").has("fieldErrors")).isTrue();
        for (Op op : operations) {
            List<String> schemesOfOp = new ArrayList<>();
            op.node().path("security").forEach(req -> req.fieldNames().forEachRemaining(schemesOfOp::add));
            assertThat(schemesOfOp).as("security of %s", op).isNotEmpty();
            if (!op.path().equals("/api/v1/tokens")) {
                assertThat(schemesOfOp).as("security of %s", op).contains("bearerToken");
            }
            assertThat(op.declared()).as("responses of %s", op).contains("401", "403");
            if (op.hasBody() || !op.parameters("path").isEmpty() || !op.parameters("query").isEmpty()) {
                assertThat(op.declared()).as("responses of %s", op).contains("400");
            }
            if (op.hasBody()) {
                assertThat(op.declared()).as("responses of %s", op).contains("415");
            }
            op.node().path("responses").fields().forEachRemaining(r -> {
                if (!r.getKey().startsWith("2")) {
                    assertThat(r.getValue().path("content").path("application/json").path("schema").path("$ref").asText())
                            .as("%s response %s", op, r.getKey()).isEqualTo("#/components/schemas/ApiError");
                }
            });
        }
    }

    // ------------------------------------------------------------------ statuses, for every operation

    @Test
    void everyOperationAnswers401WithTheErrorBodyWithoutOrWithWrongCredentials() throws Exception {
        for (Op op : operations) {
            String path = op.path(UNKNOWN_NUMBER, UNKNOWN_TEXT);
            String body = op.hasBody() ? "{}" : null;
            for (String auth : new String[] {null, basic("no-such-account", "wrong-password"), "Bearer not-a-token"}) {
                HttpResponse<String> r = send(op.method(), path, auth, "application/json", body, Map.of());
                assertError(r, 401, op + " auth " + auth);
                assertThat(json.readTree(r.body()).path("code").asText()).isEqualTo("unauthorized");
                assertThat(r.headers().firstValue("Location")).as("%s must not redirect", op).isEmpty();
            }
        }
    }

    @Test
    void unknownIdsAnswer404AndEveryAnswerIsDeclaredWithTheErrorBody() throws Exception {
        for (Op op : operations) {
            if (op.parameters("path").isEmpty()) {
                continue;
            }
            Map<String, Integer> byCaller = new LinkedHashMap<>();
            for (String caller : CALLERS) {
                HttpResponse<String> r = send(op.method(), op.path(UNKNOWN_NUMBER, UNKNOWN_TEXT), basic(caller, DemoAccounts.PASSWORD),
                        "application/json", op.hasBody() ? "{}" : null, Map.of());
                assertThat(op.declared()).as("%s as %s answered %s: %s", op, caller, r.statusCode(), r.body())
                        .contains(Integer.toString(r.statusCode()));
                assertError(r, r.statusCode(), op + " as " + caller);
                byCaller.put(caller, r.statusCode());
            }
            // an unknown id is 404; where the document says a path parameter is a choice rather than an id, 400
            int expected = op.declared().contains("404") ? 404 : 400;
            assertThat(byCaller.values()).as("%s with unknown ids, by caller: %s", op, byCaller).contains(expected);
        }
    }

    @Test
    void malformedBodiesAndNumbersThatDoNotParseAnswer400NamingTheField() throws Exception {
        String auth = basic(DemoAccounts.ENTERPRISE, DemoAccounts.PASSWORD);
        int checkedNumbers = 0;
        for (Op op : operations) {
            String path = op.path(UNKNOWN_NUMBER, UNKNOWN_TEXT);
            for (JsonNode param : op.parameters("path")) {
                if ("integer".equals(param.path("schema").path("type").asText())) {
                    String withAbc = op.path.replace("{" + param.path("name").asText() + "}", "abc");
                    HttpResponse<String> r = send(op.method(), withAbc.replaceAll("\\{[^}]+}", UNKNOWN_TEXT),
                            auth, "application/json", op.hasBody() ? "{}" : null, Map.of());
                    assertError(r, 400, op + " with a path id abc");
                    assertThat(fieldsOf(r)).as("%s", op).containsExactly(param.path("name").asText());
                }
            }
            if (!op.hasBody()) {
                continue;
            }
            assertError(send(op.method(), path, auth, "application/json", "{\"x\": ", Map.of()), 400, op + " truncated JSON");
            assertError(send(op.method(), path, auth, "text/plain", "headcount=1", Map.of()), 415, op + " text/plain");
            for (Map.Entry<String, String> field : typedFields(op).entrySet()) {
                List<String> bad = switch (field.getValue()) {
                    case "integer" -> List.of("1e20", "\"12,000\"", "1.5", "99999999999", "\"十二\"");
                    case "enum" -> List.of("\"NOWHERE\"");
                    default -> List.of();
                };
                for (String value : bad) {
                    HttpResponse<String> r = send(op.method(), path, auth, "application/json",
                            "{\"" + field.getKey() + "\": " + value + "}", Map.of());
                    assertError(r, 400, op + " " + field.getKey() + "=" + value);
                    assertThat(fieldsOf(r)).as("%s %s=%s: %s", op, field.getKey(), value, r.body()).containsExactly(field.getKey());
                    checkedNumbers++;
                }
            }
        }
        assertThat(checkedNumbers).as("integer and enum fields found in the documented bodies").isGreaterThan(20);
    }

    @Test
    void aMethodAPathDoesNotServeAnswers405WithTheErrorBody() throws Exception {
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        operations.forEach(op -> methodsByPath.computeIfAbsent(op.path(), p -> new HashSet<>()).add(op.method()));
        String auth = basic(DemoAccounts.LEADER, DemoAccounts.PASSWORD);
        methodsByPath.forEach((path, methods) -> {
            String other = List.of("DELETE", "PATCH", "PUT", "GET").stream().filter(m -> !methods.contains(m)).findFirst().orElseThrow();
            try {
                HttpResponse<String> r = send(other, path.replaceAll("\\{[^}]+}", UNKNOWN_NUMBER), auth, "application/json", "{}", Map.of());
                assertError(r, 405, other + " " + path);
                assertThat(json.readTree(r.body()).path("code").asText()).isEqualTo("methodNotAllowed");
                assertThat(r.headers().firstValue("Allow")).as("Allow of %s", path).isPresent();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ------------------------------------------------------------------ single cases the issue names

    @Test
    void anUnknownApiPathIs404JsonNotTheApplicationsPage() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/no-such-thing", basic(DemoAccounts.LEADER, DemoAccounts.PASSWORD), null, null, Map.of());
        assertError(r, 404, "unknown path");
        assertThat(json.readTree(r.body()).path("code").asText()).isEqualTo("notFound");
        assertError(send("GET", "/api/v1/no-such-thing", null, null, null, Map.of()), 401, "unknown path, anonymous");
    }

    @Test
    void aTypeTheCallerDoesNotAcceptAnswers406WithTheErrorBodyAnyway() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/tokens", basic(DemoAccounts.LEADER, DemoAccounts.PASSWORD), null, null,
                Map.of("Accept", "text/csv"));
        assertError(r, 406, "Accept: text/csv");
        assertThat(json.readTree(r.body()).path("code").asText()).isEqualTo("notAcceptable");
    }

    @Test
    void aMissingReportIs404WithAMessageInTheCallersLanguage() throws Exception {
        String auth = basic(DemoAccounts.ENTERPRISE, DemoAccounts.PASSWORD);
        HttpResponse<String> zh = send("GET", "/api/v1/reports/2099-01", auth, null, null, Map.of());
        assertError(zh, 404, "missing report");
        assertThat(json.readTree(zh.body()).path("code").asText()).isEqualTo("notFound"); // one code for every 404 (ADR 0015); the message names what
        assertThat(json.readTree(zh.body()).path("message").asText()).isEqualTo("该调查期尚无月报");
        HttpResponse<String> en = send("GET", "/api/v1/reports/2099-01", auth, null, null, Map.of("Accept-Language", "en"));
        assertThat(json.readTree(en.body()).path("message").asText()).isEqualTo("No report for this period yet");
    }

    @Test
    void statisticsDownloadsRefuseEachBadParameterWith400NamingIt() throws Exception {
        String auth = basic(DemoAccounts.LEADER, DemoAccounts.PASSWORD);
        String period = json.readTree(send("GET", "/api/v1/periods/current", auth, null, null, Map.of()).body()).path("code").asText();
        assertThat(period).matches("\\d{4}-\\d{2}");
        String base = "/api/v1/statistics/" + period + "/reports/";
        HttpResponse<String> ok = send("GET", base + "summary-city?city=530100", auth, null, null, Map.of());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Disposition").orElseThrow()).contains("summary-city-" + period + "-530100.pdf");

        Map<String, String> badToField = new LinkedHashMap<>();
        badToField.put(base + "summary-city?city=" + "5".repeat(4000), "city");
        badToField.put(base + "summary-city?county=x%0d%0aSet-Cookie:a", "county");
        badToField.put(base + "summary-city?industrySection=ZZ", "industrySection");
        badToField.put(base + "summary-city?registrationType=999", "registrationType");
        badToField.put(base + "summary-city?format=doc", "format");
        badToField.put(base + "nonsense", "report");
        badToField.put("/api/v1/statistics/2099-01/reports/summary-city", "periodCode");
        badToField.put("/api/v1/statistics/" + "9".repeat(4000) + "/reports/summary-city", "periodCode");
        for (Map.Entry<String, String> bad : badToField.entrySet()) {
            HttpResponse<String> r = send("GET", bad.getKey(), auth, null, null, Map.of());
            String shown = bad.getKey().length() > 120 ? bad.getKey().substring(0, 120) + "…" : bad.getKey();
            assertError(r, 400, shown);
            assertThat(fieldsOf(r)).as(shown).containsExactly(bad.getValue());
        }
        HttpResponse<String> unknownReport = send("GET", base + "nonsense", auth, null, null, Map.of("Accept-Language", "en"));
        assertThat(json.readTree(unknownReport.body()).path("message").asText()).contains("summary-city", "trend")
                .doesNotContain("integer");
    }

    // ------------------------------------------------------------------ helpers

    /** Properties of the operation's JSON body by kind ("integer", "enum"), from the document's schemas. */
    private Map<String, String> typedFields(Op op) {
        JsonNode schema = op.node().path("requestBody").path("content").path("application/json").path("schema");
        String ref = schema.path("$ref").asText();
        if (!ref.isEmpty()) {
            schema = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        Map<String, String> out = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            if ("integer".equals(p.getValue().path("type").asText())) {
                out.put(p.getKey(), "integer");
            } else if (p.getValue().has("enum")) {
                out.put(p.getKey(), "enum");
            }
        });
        return out;
    }

    private List<String> fieldsOf(HttpResponse<String> r) throws IOException {
        List<String> fields = new ArrayList<>();
        for (Iterator<JsonNode> it = json.readTree(r.body()).path("fieldErrors").elements(); it.hasNext(); ) {
            fields.add(it.next().path("field").asText());
        }
        return fields;
    }

    private void assertError(HttpResponse<String> r, int status, String what) throws IOException {
        assertThat(r.statusCode()).as("%s: %s", what, r.body()).isEqualTo(status);
        if (status < 400) {
            return;
        }
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as("%s content type", what).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("code").asText()).as("%s code: %s", what, r.body()).isNotBlank();
        assertThat(body.path("message").asText()).as("%s message", what).isNotBlank().doesNotStartWith("!");
        assertThat(body.path("fieldErrors").isArray()).as("%s fieldErrors", what).isTrue();
        body.path("fieldErrors").forEach(f -> assertThat(f.path("message").asText()).as("%s field message", what)
                .isNotBlank().doesNotStartWith("!"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String auth, String contentType, String body,
                                      Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
