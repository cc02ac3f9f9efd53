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
 * Gives every Spring test context on PostgreSQL ({@code -Ppostgres}, profile {@code test-postgres}) its own database
 * ({@code ems_test_<random>}, created next to {@code ems_test} before the context connects), as H2 gives every
 * context its own in-memory database. Without this, one context's rows (periods, users, tasks) leak into another's
 * assertions. A database rather than a schema, because JDBC metadata lookups (Spring's SimpleJdbcInsert, Flowable)
 * see every schema of a database and fail on same-named tables. Each context also gets its own Quartz scheduler
 * name: Spring registers the job store's connection provider JVM-wide under that name.
 * Registered in src/test/resources/META-INF/spring.factories; a no-op for every other profile.
 */
public class SchemaPerTestContext implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(Profiles.of("test-postgres"))) {
            return;
        }
        String url = env.getRequiredProperty("spring.datasource.url");
        if (!url.startsWith("jdbc:postgresql://")) {
            return;
        }
        // the province benchmark works on one named database (ems_bench) that it fills once and reuses
        if (env.getProperty("test.shared-database", Boolean.class, false)) {
            return;
        }
        // a test that starts its own nodes on a chosen database (e.g. a Quartz cluster) keeps it
        var args = env.getPropertySources().get("commandLineArgs");
        if (args != null && args.containsProperty("spring.datasource.url")) {
            return;
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        String base = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        String database = base + "_" + suffix;
        try (Connection c = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password", ""));
                Statement s = c.createStatement()) {
            s.execute("create database " + database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test database " + database + " at " + url, e);
        }
        String contextUrl = url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
        env.getPropertySources().addFirst(new MapPropertySource("databasePerTestContext", Map.of(
                "spring.datasource.url", contextUrl,
                // Spring's LocalDataSourceJobStore registers its connection provider JVM-wide by scheduler name
                "spring.quartz.properties.org.quartz.scheduler.instanceName", "ems-test-" + suffix)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
