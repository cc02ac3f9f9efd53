package cn.yn.testidp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What a browser does in the authorization-code flow, over plain HTTP: keeps cookies per host (the application on
 * {@code localhost}, the provider on {@code 127.0.0.1}) and follows redirects only when told, so each test sees
 * every hop. Sends {@code Accept: text/html} as a browser navigating does.
 */
public final class CookieBrowser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), URI.create(url));
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form, String... headers)
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
        return send(b, URI.create(url));
    }

    /** The absolute target of a redirect, or null. */
    public static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").map(l -> r.uri().resolve(l).toString()).orElse(null);
    }

    /** Follows redirects while {@code go} says so; answers the first response it does not follow. */
    public HttpResponse<String> follow(HttpResponse<String> r, java.util.function.Predicate<String> go)
            throws IOException, InterruptedException {
        for (int hops = 0; hops < 20; hops++) {
            String next = location(r);
            if (r.statusCode() / 100 != 3 || next == null || !go.test(next)) {
                return r;
            }
            r = get(next);
        }
        throw new IllegalStateException("redirect loop at " + r.uri());
    }

    /** Forgets one host's cookie, as a browser whose session cookie expired. */
    public void dropCookie(String host, String name) {
        cookies.getOrDefault(host, new LinkedHashMap<>()).remove(name);
    }

    public String cookie(String host, String name) {
        return cookies.getOrDefault(host, Map.of()).get(name);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, URI uri) throws IOException, InterruptedException {
        b.header("Accept", "text/html,application/xhtml+xml");
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
        if (!jar.isEmpty()) {
            b.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return r;
    }
}
