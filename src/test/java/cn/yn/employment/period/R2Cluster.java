package cn.yn.employment.period;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The machinery of R2 (NodeKilledMidJobTest): a throwaway PostgreSQL cluster under /tmp (port 25510, never the shared
 * server), application nodes as separate JVMs (the production classes and their dependencies, profile
 * {@code postgres}, clustered Quartz and Flowable's async executor on), {@code kill -9}, and plain JDBC for the checks.
 */
final class R2Cluster implements AutoCloseable {

    static final int PG_PORT = Integer.getInteger("r2.pgPort", 25510);
    static final int FIRST_NODE_PORT = Integer.getInteger("r2.nodePort", 19300);
    static final String PGBIN = System.getProperty("r2.pgbin", "/usr/lib/postgresql/15/bin");
    static final String DB = "ems_r2";

    final Path dir = Path.of("/tmp/ems-r2-" + ProcessHandle.current().pid());
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private int nextPort = FIRST_NODE_PORT;
    private Scheduler quartz;
    private Connection checks;

    /** A running application node: its Quartz instance id (also Flowable's lock owner), process and port. */
    record Node(String id, Process process, int port, Path log) {
        boolean alive() {
            return process.isAlive();
        }
    }

    R2Cluster start() throws Exception {
        sh("mkdir -p " + dir + " && chown postgres " + dir);
        pg(PGBIN + "/initdb -D " + dir + "/data -U postgres -A trust -E UTF8 --locale=C.UTF-8");
        Files.writeString(dir.resolve("data/postgresql.conf"), "\nlisten_addresses = '127.0.0.1'\nport = " + PG_PORT
                + "\nunix_socket_directories = '" + dir + "'\nmax_connections = 120\n", StandardOpenOption.APPEND);
        pg(PGBIN + "/pg_ctl -D " + dir + "/data -l " + dir + "/postgres.log -w start");
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create database " + DB);
        }
        return this;
    }

    static String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + db;
    }

    // ------------------------------------------------------------------ nodes

    /** Starts a node (a JVM of its own) and waits until it answers /readyz. */
    Node startNode(String id) throws Exception {
        Node n = launch(id);
        awaitReady(n);
        return n;
    }

    /** Starts a node without waiting (a restart after a kill runs while the survivor recovers). */
    Node launch(String id) throws IOException {
        int port = nextPort++;
        Path log = dir.resolve("node-" + id + ".log");
        Path argFile = dir.resolve("classpath.args");
        if (!Files.exists(argFile)) {
            Files.writeString(argFile, "-cp \"" + nodeClasspath() + "\"\n");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=Asia/Shanghai",
                "-Dfile.encoding=UTF-8", "@" + argFile, "cn.yn.employment.EmploymentApplication"));
        cmd.addAll(List.of(
                "--spring.profiles.active=postgres",
                // ApplicationName: pg_stat_activity tells the node's transactions apart (what it was doing when killed)
                "--spring.datasource.url=" + url(DB) + "?ApplicationName=" + id,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--server.port=" + port,
                "--management.server.port=" + (port + 50),
                // Quartz: one cluster (the default scheduler name), this node's id in qrtz_* and job_run.node; a dead
                // node is noticed after a few check-in intervals (production: 10 s)
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + id,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000",
                // triggers written by another process are seen within 5 s instead of Quartz's default 30 s
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=5000",
                // Flowable: this node's lock owner; a dead node's job locks expire after 20 s (default: 1 h)
                "--flowable.process.async.executor.lock-owner=" + id,
                "--flowable.process.async.executor.async-job-lock-time=PT20S",
                "--flowable.process.async.executor.timer-lock-time=PT20S",
                "--flowable.process.async.executor.reset-expired-jobs-interval=PT5S",
                // the checks count outbox rows; nothing is delivered (OutboxTest covers delivery and lease takeover)
                "--app.outbox.worker-enabled=false",
                "--app.archive.resume-on-start=false",
                "--app.forwarding.outbox-dir=" + dir.resolve("forwarding-out"),
                "--app.forwarding.inbox-dir=" + dir.resolve("forwarding-in"),
                "--vaadin.devmode.devTools.enabled=false",
                "--vaadin.launch-browser=false"));
        Process p = new ProcessBuilder(cmd).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Node n = new Node(id, p, port, log);
        nodes.put(id, n);
        return n;
    }

    /** The production classes and every dependency jar of the test run, without the test classes. */
    private static String nodeClasspath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(e -> !e.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    void awaitReady(Node n) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("r2.startMinutes", 15)).toNanos();
        while (System.nanoTime() < deadline) {
            if (!n.alive()) {
                throw new IllegalStateException("node " + n.id() + " died while starting:\n" + tail(n.log()));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port() + "/readyz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("node " + n.id() + " not ready in time:\n" + tail(n.log()));
    }

    Node node(String id) {
        return nodes.get(id);
    }

    /**
     * {@code kill -9} (destroyForcibly sends SIGKILL, without the delay of a shell): no shutdown hook, no connection
     * closed politely, no Quartz or Flowable clean-up.
     */
    void kill9(Node n) throws Exception {
        n.process().destroyForcibly().waitFor();
    }

    /** The end of every node's log, for a failed run (-Dr2.keep=true keeps the whole files under /tmp). */
    String logTails() {
        StringBuilder out = new StringBuilder();
        nodes.values().forEach(n -> out.append("--- node ").append(n.id()).append(n.alive() ? "" : " (dead)").append(":\n")
                .append(tail(n.log())).append('\n'));
        return out.toString();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    // ------------------------------------------------------------------ Quartz client (plans triggers, never runs jobs)

    /**
     * A scheduler on the nodes' job store that is never started: it only writes triggers, as CalendarScheduler
     * does on the nodes, so the scenario decides when a close or a reminder pass is due.
     */
    Scheduler quartz() throws Exception {
        if (quartz == null) {
            Properties q = new Properties();
            q.put("org.quartz.scheduler.instanceName", "ems-scheduler");
            q.put("org.quartz.scheduler.instanceId", "r2-planner");
            q.put("org.quartz.scheduler.skipUpdateCheck", "true");
            q.put("org.quartz.threadPool.threadCount", "1");
            q.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            q.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            q.put("org.quartz.jobStore.isClustered", "true");
            q.put("org.quartz.jobStore.dataSource", "r2");
            q.put("org.quartz.dataSource.r2.provider", "hikaricp");
            q.put("org.quartz.dataSource.r2.driver", "org.postgresql.Driver");
            q.put("org.quartz.dataSource.r2.URL", url(DB));
            q.put("org.quartz.dataSource.r2.user", "postgres");
            q.put("org.quartz.dataSource.r2.password", "");
            q.put("org.quartz.dataSource.r2.maxConnections", "2");
            quartz = new StdSchedulerFactory(q).getScheduler();
        }
        return quartz;
    }

    // ------------------------------------------------------------------ SQL

    /** One connection for all checks (the kill watch polls every few milliseconds). */
    private Connection connect() throws SQLException {
        if (checks == null || checks.isClosed()) {
            checks = DriverManager.getConnection(url(DB), "postgres", "");
        }
        return checks;
    }

    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(connect(), sql, args)) {
            return ps.executeUpdate();
        }
    }

    long count(String sql, Object... args) throws SQLException {
        Object v = value(sql, args);
        return v == null ? 0 : ((Number) v).longValue();
    }

    Object value(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(connect(), sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    List<String> strings(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(connect(), sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    // ------------------------------------------------------------------ clean-up

    @Override
    public void close() throws Exception {
        for (Node n : nodes.values()) {
            n.process().destroyForcibly().waitFor();
        }
        if (quartz != null) {
            quartz.shutdown(false);
        }
        if (checks != null) {
            checks.close();
        }
        try {
            pg(PGBIN + "/pg_ctl -D " + dir + "/data -m fast stop");
        } finally {
            if (!Boolean.getBoolean("r2.keep")) {
                sh("rm -rf " + dir);
            }
        }
    }

    static void pg(String command) throws IOException, InterruptedException {
        sh("runuser -u postgres -- " + command);
    }

    static void sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + out);
        }
    }
}
