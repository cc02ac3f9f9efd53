package cn.yn.employment.notice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.notice.internal.HttpSmsSender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The HTTP SMS adapter against a local HTTP server: JSON body, bearer token, outcome by status. */
class HttpSmsSenderTest {

    @Test
    void postsJsonAndReportsTheOutcome() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            int status = bodies.size() == 1 ? 200 : 500;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        try {
            HttpSmsSender sender = new HttpSmsSender("http://127.0.0.1:" + server.getAddress().getPort() + "/sms", "tok", "【测试】");
            assertThat(sender.send("13812345678", "请填报月报")).isEqualTo(ChannelOutcome.OK);
            assertThat(bodies.get(0)).isEqualTo("{\"phone\":\"13812345678\",\"text\":\"【测试】请填报月报\"}");
            assertThat(auth.get(0)).isEqualTo("Bearer tok");
            assertThat(sender.send("13812345678", "again")).isEqualTo(ChannelOutcome.FAILED);
            assertThat(sender.send("0871-1234567", "landline")).isEqualTo(ChannelOutcome.SKIPPED);
            assertThat(bodies).hasSize(2);
        } finally {
            server.stop(0);
        }
        HttpSmsSender unreachable = new HttpSmsSender("http://127.0.0.1:1/sms", null, null);
        assertThat(unreachable.send("13812345678", "x")).isEqualTo(ChannelOutcome.FAILED);
    }
}
