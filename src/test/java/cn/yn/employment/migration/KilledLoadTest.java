package cn.yn.employment.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QUALITY.md R6: a load killed half-way leaves nothing behind. The application runs the command-line load in a separate
 * JVM on its own database (an H2 file, or with -Ppostgres a fresh PostgreSQL database this test creates and drops);
 * once its progress line shows report chunks inserted, the process is killed (destroyForcibly, SIGKILL), and the
 * database must hold no enterprise, report, user or batch of the load.
 */
class KilledLoadTest {

    static final Pattern REPORTS = Pattern.compile("migration load: reports (\\d+)/(\\d+)");

    @Test
    void aLoadKilledHalfWayLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        Path export = tmp.resolve("export");
        LegacyExportGenerator.write(export, 3000, 24, YearMonth.of(2025, 6), 991L, "kill", false);
        boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
        String pgBase = System.getProperty("TEST_DB_URL", System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://localhost:5432/ems_test"));
        String database = "ems_test_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url;
        if (postgres) {
            String server = pgBase.substring(0, pgBase.indexOf('/', "jdbc:postgresql://".length()) + 1);
            try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                s.execute("create database " + database);
            }
            url = server + database;
        } else {
            url = "jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        }
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai", "-Djava.awt.headless=true",
                    "-cp", classPath(), "cn.yn.employment.EmploymentApplication",
                    "--spring.profiles.active=" + (postgres ? "test,postgres" : "test"),
                    "--spring.datasource.url=" + url, "--server.port=0", "--management.server.port=0", "--spring.quartz.auto-startup=false",
                    "--app.migration.run=load", "--app.migration.dir=" + export, "--app.migration.out=" + tmp.resolve("out")));
            if (postgres) {
                cmd.add("--spring.datasource.username=postgres");
                cmd.add("--spring.datasource.password=");
            } else {
                cmd.add("--spring.datasource.username=sa");
            }
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            StringBuilder seen = new StringBuilder();
            boolean killed = false;
            String killedAt = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    seen.append(line).append('\n');
                    Matcher m = REPORTS.matcher(line);
                    // three chunks of 5,000 reports are in the (uncommitted) transaction: kill it now
                    if (m.find() && Long.parseLong(m.group(1)) >= 15_000 && Long.parseLong(m.group(1)) < Long.parseLong(m.group(2))) {
                        child.destroyForcibly();
                        killed = true;
                        killedAt = m.group(1) + "/" + m.group(2);
                        break;
                    }
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(killed).as(tail(seen) + "\nclass path: " + classPath()).isTrue();
            assertThat(seen.toString()).doesNotContain("migration load finished");

            try (Connection c = DriverManager.getConnection(url, postgres ? "postgres" : "sa", "")) {
                assertThat(count(c, "select count(*) from enterprise")).isZero();
                assertThat(count(c, "select count(*) from report")).isZero();
                assertThat(count(c, "select count(*) from app_user where import_batch_id is not null")).isZero();
                assertThat(count(c, "select count(*) from migration_batch")).isZero();
                assertThat(count(c, "select count(*) from migration_reconciliation")).isZero();
            }
            System.out.printf("R6 killed load (%s): SIGKILL at %s reports inserted; afterwards 0 enterprises, 0 reports,"
                    + " 0 imported users, 0 batches, 0 reconciliation rows%n", postgres ? "PostgreSQL" : "H2", killedAt);
        } finally {
            if (postgres) {
                String server = pgBase.substring(0, pgBase.indexOf('/', "jdbc:postgresql://".length()) + 1);
                try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + database + " with (force)");
                }
            }
        }
    }

    /**
     * This JVM's class path as plain entries: surefire starts tests from a manifest-only jar, and scanning
     * {@code classpath*:/processes/} through such a jar finds every BPMN file twice (Flowable then refuses to deploy).
     */
    static String classPath() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        if (!cp.contains(java.io.File.pathSeparator) && cp.endsWith(".jar")) {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(cp)) {
                String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
                for (String e : manifest.trim().split("\\s+")) {
                    entries.add(Path.of(new java.net.URI(e)).toString());
                }
            }
        } else {
            entries.addAll(List.of(cp.split(java.io.File.pathSeparator)));
        }
        java.util.LinkedHashSet<String> unique = new java.util.LinkedHashSet<>();
        for (String e : entries) {
            if (!e.isBlank()) {
                unique.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, unique);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String tail(StringBuilder s) {
        String text = s.toString();
        int cause = text.indexOf("Caused by");
        return cause >= 0 ? text.substring(cause, Math.min(text.length(), cause + 3000)) : text.substring(Math.max(0, text.length() - 4000));
    }
}
