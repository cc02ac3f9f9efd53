package cn.yn.employment.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.RealServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18 item 4: metrics and build information answered anyone on the application's port. Actuator is now on
 * the management port; the application's port keeps the load balancer's health and the probes only.
 */
class ManagementPortTest extends RealServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/actuator/env",
            "/actuator", "/actuator/health/liveness", "/actuator/health/db"})
    void actuatorIsNotOnTheApplicationPort(String path) throws Exception {
        HttpResponse<String> r = get(app(path));
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.body()).doesNotContain("jvm_").doesNotContain("flowable").doesNotContain("<html");
    }

    @Test
    void theLoadBalancersHealthAndTheProbesStayOnTheApplicationPort() throws Exception {
        HttpResponse<String> health = get(app("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(app("/livez")).statusCode()).isEqualTo(200);
        assertThat(get(app("/readyz")).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusInfoAndProbesAnswerOnTheManagementPort() throws Exception {
        HttpResponse<String> prometheus = get(management("/actuator/prometheus"));
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> info = get(management("/actuator/info"));
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("云南省企业就业失业数据采集系统");
        assertThat(get(management("/actuator/health/readiness")).statusCode()).isEqualTo(200);
        assertThat(managementPort).isNotEqualTo(port);
    }

    @Test
    void theManagementPortServesTheExposedEndpointsOnly() throws Exception {
        assertThat(get(management("/actuator/metrics")).statusCode()).isEqualTo(200);
        assertThat(get(management("/actuator/env")).statusCode()).isEqualTo(404);
        assertThat(get(management("/actuator/health")).body()).doesNotContain("components");
    }
}
