package cn.yn.employment.common.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Gives every Spring test context on PostgreSQL ({@code -Ppostgres}, profile {@code test-postgres}) its own schema in
 * {@code ems_test}, as H2 gives every context its own in-memory database: the schema is created here, before the
 * context connects, and becomes the connections' search path ({@code currentSchema}); Flyway, Hibernate and
 * Quartz follow the search path, Flowable is told the schema so its table checks do not see another context's
 * tables. Without this, one context's rows (periods, users, tasks) leak into another's assertions.
 * Registered in src/test/resources/META-INF/spring.factories; a no-op for every other profile.
 */
public class SchemaPerTestContext implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(Profiles.of("test-postgres"))) {
            return;
        }
        String url = env.getRequiredProperty("spring.datasource.url");
        if (!url.startsWith("jdbc:postgresql:") || url.contains("currentSchema=")) {
            return;
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password", ""));
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test schema " + schema + " at " + url, e);
        }
        env.getPropertySources().addFirst(new MapPropertySource("schemaPerTestContext", Map.of(
                "spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "flowable.database-schema", schema)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
