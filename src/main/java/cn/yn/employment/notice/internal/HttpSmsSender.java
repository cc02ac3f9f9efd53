package cn.yn.employment.notice.internal;

import cn.yn.employment.common.text.Masked;
import cn.yn.employment.notice.ChannelOutcome;
import cn.yn.employment.notice.ChannelResult;
import cn.yn.employment.notice.SmsSender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS through an HTTP gateway: POST {@code {"phone": "...", "text": "..."}} (JSON, UTF-8) to the configured URL,
 * optionally with a bearer token. A 2xx answer counts as sent.
 */
public class HttpSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String token;
    private final String signature;
    private final HttpClient http;

    public HttpSmsSender(String url, String token, String signature) {
        this.url = URI.create(url);
        this.token = token == null || token.isBlank() ? null : token;
        this.signature = signature == null ? "" : signature;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public ChannelOutcome send(String phone, String text) {
        return attempt(phone, text).outcome();
    }

    @Override
    public ChannelResult attempt(String phone, String text) {
        if (!SmsSender.isMobile(phone)) {
            return ChannelResult.SKIPPED;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("phone", phone.trim());
        body.put("text", signature + text);
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (token != null) {
                req.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() / 100 == 2) {
                return ChannelResult.OK;
            }
            log.warn("SMS gateway answered {} for {}: {}", res.statusCode(), Masked.phone(phone), Masked.text(res.body()));
            return ChannelResult.failed("HTTP " + res.statusCode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            log.warn("SMS gateway unreachable for {}: {}", Masked.phone(phone), Masked.text(e.getMessage()));
            return ChannelResult.failed("unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChannelResult.failed("interrupted");
        }
    }
}
