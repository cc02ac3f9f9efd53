package cn.yn.employment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One context with a real Tomcat, as production runs it: actuator on its own (random) management port, metric
 * export on, the demo accounts seeded. For what MockMvc cannot show: which port serves what, URL rewriting of
 * session ids, the login form's CSRF token and the Origin check. Requests go through a plain HTTP client that
 * follows no redirects and keeps no cookies, so each test states exactly what a browser (or an attacker) sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.demo.enabled=true", "app.demo.contributors-enabled=false",
        "management.server.port=0", "management.server.address=127.0.0.1",
        "app.ops.shared-management-port-allowed=false"})
@AutoConfigureObservability(tracing = false)
public abstract class RealServerTest {

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    protected final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    protected String app(String path) {
        return "http://localhost:" + port + path;
    }

    protected String management(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    protected HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postForm(String url, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
