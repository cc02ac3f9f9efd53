package cn.yn.employment.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Profile json-logs switches logging to logback-json.xml, which writes one JSON object per line. */
class JsonLogsTest {

    @Test
    void jsonLogsProfilePointsAtTheJsonConfiguration() throws Exception {
        var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
        yaml.setResources(new org.springframework.core.io.ClassPathResource("application-json-logs.yml"));
        Properties props = yaml.getObject();
        assertThat(props.getProperty("logging.config")).isEqualTo("classpath:logback-json.xml");
    }

    @Test
    void eachLogLineIsAJsonObject() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getResource("/logback-json.xml"));
            context.getLogger("cn.yn.employment.Probe").info("报表已提交 {}", 42);
        } finally {
            context.stop();
            System.setOut(original);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        String[] lines = output.strip().split("\n");
        assertThat(lines).as(output).hasSize(1);
        assertThat(lines[0]).as(output).startsWith("{").endsWith("}");
        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertThat(line.get("message").asText()).isEqualTo("报表已提交 42");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger_name").asText()).isEqualTo("cn.yn.employment.Probe");
        assertThat(line.get("app").asText()).isEqualTo("employment-monitor");
        assertThat(line.get("@timestamp").asText()).endsWith("+08:00");
    }
}
