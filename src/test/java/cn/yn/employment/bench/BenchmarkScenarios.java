package cn.yn.employment.bench;

import cn.yn.employment.common.db.StatementCounter;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.datagen.GenerationResult;
import cn.yn.employment.datagen.GeneratorSettings;
import cn.yn.employment.datagen.ProvinceDataGenerator;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.review.BulkAction;
import cn.yn.employment.review.BulkResult;
import cn.yn.employment.review.InboxFilter;
import cn.yn.employment.review.InboxTab;
import cn.yn.employment.review.ReviewService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.TaskQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The scenarios of docs/quality.md that run inside one application context: P1 (deadline burst through the real
 * submission path vs. bare Flowable starting the same model), P2 (inbox page + count from the projection vs.
 * Flowable's TaskQuery), P3 (bulk approve). Each runs at least 3 repetitions.
 */
public class BenchmarkScenarios {

    static final int CLIENTS = 8;
    static final String CITY = "530100";

    private final ProvinceDataGenerator generator;
    private final ReportService reports;
    private final ReviewService review;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final BenchReport out;

    public BenchmarkScenarios(ProvinceDataGenerator generator, ReportService reports, ReviewService review,
                              RepositoryService repository, RuntimeService runtime, TaskService tasks, JdbcTemplate jdbc,
                              BenchReport out) {
        this.generator = generator;
        this.reports = reports;
        this.review = review;
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.out = out;
    }

    public GenerationResult generate(int enterprises, int months, YearMonth openPeriod) {
        GenerationResult r = generator.generate(new GeneratorSettings(enterprises, months, 20261125L, openPeriod));
        out.context("generated", r.enterprises() + " enterprises, " + r.reports() + " history reports, "
                + r.layoffWarnings() + " layoff warnings in " + r.millis() + " ms");
        out.add(new Measurement("G", "Data generator (" + enterprises + " × " + months + " months)", "rows/s", true,
                "minutes for 100k × 24", List.of((r.enterprises() + r.reports()) * 1000.0 / Math.max(1, r.millis())), null, null, null));
        return r;
    }

    /**
     * Refreshes the planner statistics and the visibility map (PostgreSQL only), as autovacuum would shortly after a bulk load. The
     * shared benchmark server runs with {@code autovacuum = off}; without this every plan after a load is made for
     * empty tables (a Flowable TaskQuery count took 47 s instead of 0.13 s at 20,000 tasks).
     */
    public void analyze() {
        String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
            long t0 = System.nanoTime();
            jdbc.execute("vacuum analyze");
            out.context("analyze", "VACUUM ANALYZE after loads (autovacuum " + jdbc.queryForObject("show autovacuum", String.class)
                    + " on this server), last took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    /** ANALYZE (no vacuum) of every table: fresh planner statistics between repetitions; PostgreSQL only. */
    public void analyzeQuick() {
        String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
            jdbc.execute("analyze");
        }
    }

    /** Enterprises (id, city, county, division, name, uscc) not yet reporting in the period, in a stable order. */
    public List<Map<String, Object>> unreported(String period, int limit) {
        return jdbc.queryForList("select e.id, e.city_code, e.county_code, e.industry_division, e.name, e.uscc from enterprise e"
                + " where e.filing_state = 'FILED' and not exists (select 1 from report r where r.enterprise_id = e.id"
                + " and r.period_code = ?) order by e.id limit ?", period, limit);
    }

    // --- P1 --------------------------------------------------------------------------------------------------

    public void p1DeadlineBurst(String period, int perRepetition, int repetitions) throws Exception {
        out.begin("P1");
        String bareKey = deployBareModel();
        String counted = countOne(bareKey, period);
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int rep = 0; rep < repetitions; rep++) {
            List<Map<String, Object>> batch = unreported(period, perRepetition);
            bare.add(startBare(bareKey, period, batch));
            analyzeQuick();   // the bare run grew the engine's tables: fresh plans before ours (autovacuum is off)
            ours.add(submitAll(period, batch));
            analyzeQuick();
        }
        Double ratio = median(ours) / median(bare);
        out.add(new Measurement("P1", "Deadline burst: validate, save, start chain (" + CLIENTS + " clients, "
                + perRepetition + "/rep)", "subm/s", true, "≥ 600/s; ≥ 0.9 × bare Flowable", ours, bare, "bare Flowable start",
                String.format(java.util.Locale.ROOT, "ratio to bare %.2f", ratio) + counted));
        deleteBareInstances(bareKey);
    }

    /** Submits a valid report for each enterprise, as that enterprise, with 8 concurrent clients. Returns submissions/s. */
    public double submitAll(String period, List<Map<String, Object>> batch) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        runConcurrently(batch, e -> {
            try {
                submitOne(period, e);
            } catch (RuntimeException ex) {
                if (failures.incrementAndGet() <= 3) {
                    System.err.println("P1 submission failed for enterprise " + e.get("id") + ": " + ex);
                }
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + batch.size() + " submissions failed");
        }
        return batch.size() / seconds;
    }

    /** One client's submission: the draft (its own transaction), then the submit, as the enterprise. */
    private void submitOne(String period, Map<String, Object> e) {
        long id = ((Number) e.get("id")).longValue();
        actAs(new CurrentUser(-id, "bench-" + id, (String) e.get("name"), Set.of(Role.ENTERPRISE), Scope.enterprise(id)));
        try {
            ReportView draft = reports.draftFor(id, period);
            int previous = draft.previousHeadcount() == null ? draft.baselineHeadcount() : draft.previousHeadcount();
            int headcount = Math.max(draft.baselineHeadcount(), previous);
            ReportForm form = ReportForm.empty().withHeadcount(headcount);
            reports.submit(draft.id(), form, "基准测试：数据与上期一致");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The JDBC work of one submission on our path against one start of the bare model (the same enterprise data),
     * each alone on this thread, when the data source counts it ({@link StatementCounter}); empty otherwise.
     */
    private String countOne(String bareKey, String period) {
        if (!StatementCounter.installed()) {
            return "";
        }
        List<Map<String, Object>> two = unreported(period, 2);
        StatementCounter.Count bare = StatementCounter.count(() -> startOneBare(bareKey, period, two.get(0)));
        StatementCounter.Count ours = StatementCounter.count(() -> submitOne(period, two.get(1)));
        // another context of the same JVM may have installed the counter: nothing counted means not this one
        return bare.calls() == 0 ? "" : "; one submission alone: ours " + ours + " (draft + submit), bare Flowable start " + bare;
    }

    private double startBare(String key, String period, List<Map<String, Object>> batch) throws Exception {
        long t0 = System.nanoTime();
        runConcurrently(batch, e -> startOneBare(key, period, e));
        return batch.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private void startOneBare(String key, String period, Map<String, Object> e) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("subjectId", ((Number) e.get("id")).longValue());
        vars.put("enterpriseId", ((Number) e.get("id")).longValue());
        vars.put("enterpriseName", e.get("name"));
        vars.put("uscc", e.get("uscc"));
        vars.put("cityCode", e.get("city_code"));
        vars.put("countyCode", e.get("county_code"));
        vars.put("industryDivision", e.get("industry_division"));
        vars.put("periodCode", period);
        vars.put("hasWarnings", false);
        vars.put("correction", false);
        runtime.startProcessInstanceByKey(key, "BARE:" + e.get("id"), vars);
    }

    /**
     * The same model without our listeners and service beans, under another key, with candidate groups the
     * inbox projection ignores: what bare Flowable does for one submission.
     */
    String deployBareModel() throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/processes/report-review.bpmn20.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = ReportService.PROCESS_KEY + "Bare";
        String bare = xml.replaceAll("(?s)<flowable:taskListener[^>]*/>", "")
                .replaceAll("(?s)<flowable:executionListener[^>]*/>", "")
                .replaceAll("<serviceTask([^>]*?)flowable:delegateExpression=\"[^\"]*\"", "<task$1")
                .replace("</serviceTask>", "</task>")
                .replace("id=\"" + ReportService.PROCESS_KEY + "\"", "id=\"" + key + "\"")
                .replace("flowable:candidateGroups=\"city:", "flowable:candidateGroups=\"bare-city:")
                .replace("flowable:candidateGroups=\"province\"", "flowable:candidateGroups=\"bare-province\"");
        repository.createDeployment().name("benchmark bare model").addString("report-review-bare.bpmn20.xml", bare).deploy();
        return key;
    }

    private void deleteBareInstances(String key) {
        List<String> ids = jdbc.queryForList("select id_ from act_ru_execution where parent_id_ is null and proc_def_id_ in"
                + " (select id_ from act_re_procdef where key_ = ?)", String.class, key);
        for (int from = 0; from < ids.size(); from += 500) {
            runtime.bulkDeleteProcessInstances(ids.subList(from, Math.min(ids.size(), from + 500)), "benchmark baseline");
        }
    }

    // --- P2 --------------------------------------------------------------------------------------------------

    /** Inbox first page (50) + total count, filtered by period and county, sorted by submission time. */
    public void p2Inbox(String period, CurrentUser reviewer, String county, String label, int repetitions) {
        out.begin(label.startsWith("city") ? "P2c" : "P2p");
        actAs(reviewer);
        try {
            InboxFilter filter = InboxFilter.none().withPeriod(period).withCounty(county);
            List<String> groups = new ArrayList<>(reviewer.candidateGroups());
            // warm-up both
            for (int i = 0; i < 3; i++) {
                ourPage(filter);
                flowablePage(reviewer, groups, period, county);
            }
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            long rows = 0;
            long flowableRows = 0;
            for (int i = 0; i < repetitions; i++) {
                long t0 = System.nanoTime();
                rows = ourPage(filter);
                ours.add((System.nanoTime() - t0) / 1e6);
                t0 = System.nanoTime();
                flowableRows = flowablePage(reviewer, groups, period, county);
                theirs.add((System.nanoTime() - t0) / 1e6);
            }
            Measurement m = new Measurement(label.startsWith("city") ? "P2c" : "P2p",
                    "Inbox page 50 + count, " + label + " (" + rows + " matching, " + openTasks() + " open tasks)",
                    "ms", false, "p95 ≤ 30 ms; ≥ 10× faster than TaskQuery", ours, theirs, "Flowable TaskQuery",
                    String.format(java.util.Locale.ROOT, "p95 ours %.1f ms vs %.1f ms; TaskQuery total %d", Measurement.stat(ours, 95),
                            Measurement.stat(theirs, 95), flowableRows));
            out.add(m);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long ourPage(InboxFilter filter) {
        review.inbox(InboxTab.TODO, filter, null, 50);
        return review.count(InboxTab.TODO, filter);
    }

    private long flowablePage(CurrentUser reviewer, List<String> groups, String period, String county) {
        TaskQuery q = tasks.createTaskQuery().taskCandidateOrAssigned(reviewer.username()).taskCandidateGroupIn(groups)
                .processVariableValueEquals("periodCode", period);
        if (county != null) {
            q = q.processVariableValueEquals("countyCode", county);
        }
        q.orderByTaskCreateTime().asc().listPage(0, 50);
        return q.count();
    }

    public long openTasks() {
        Long n = jdbc.queryForObject("select count(*) from work_item", Long.class);
        return n == null ? 0 : n;
    }

    // --- P3 --------------------------------------------------------------------------------------------------

    /**
     * Bulk approve {@code size} reports, {@code repetitions} times on different items, each time as the reviewer of
     * the city with the most open city-review tasks (earlier runs on the same database may have used up a city's).
     * The same-run baseline is the previous behaviour, chunks of 50 committed one after the other (the service's
     * chunk parallelism set to 1), alternating with the product's overlapping chunks.
     */
    public void p3BulkApprove(String period, int size, int repetitions) {
        out.begin("P3");
        List<Double> seconds = new ArrayList<>();
        List<Double> perItem = new ArrayList<>();
        int failed = 0;
        int items = Integer.MAX_VALUE;
        java.util.Set<String> cities = new java.util.TreeSet<>();
        Object bulkReview = org.springframework.test.util.ReflectionTestUtils.getField(unwrap(review), "bulk"); // review.BulkReview
        Object chunk = org.springframework.test.util.ReflectionTestUtils.getField(bulkReview, "bulkChunk");
        Object parallel = org.springframework.test.util.ReflectionTestUtils.getField(bulkReview, "bulkParallelism");
        try {
            for (int rep = 0; rep < repetitions * 2; rep++) {
                boolean baseline = rep % 2 == 1;
                org.springframework.test.util.ReflectionTestUtils.setField(bulkReview, "bulkParallelism", baseline ? 1 : parallel);
                String group = jdbc.queryForObject("select candidate_group from work_item where candidate_group like 'city:%' and period_code = ?"
                        + " group by candidate_group order by count(*) desc, candidate_group fetch first 1 rows only", String.class, period);
                String cityCode = group.substring("city:".length());
                cities.add(cityCode);
                actAs(new CurrentUser(-4, "bench-city-" + cityCode, "市级审核", Set.of(Role.CITY_REVIEWER), Scope.city(cityCode)));
                try {
                    List<String> ids = review.matchingTaskIds(InboxTab.TODO, InboxFilter.none().withPeriod(period))
                            .stream().limit(size).toList();
                    items = Math.min(items, ids.size());
                    Set<String> confirmed = new HashSet<>(ids);
                    long t0 = System.nanoTime();
                    List<BulkResult> results = review.bulk(BulkAction.APPROVE, ids, null, null, confirmed, null);
                    double s = (System.nanoTime() - t0) / 1e9;
                    // durations scaled to the nominal size when a city had fewer items left
                    (baseline ? perItem : seconds).add(s * size / Math.max(1, ids.size()));
                    failed += (int) results.stream().filter(r -> !r.ok()).count();
                } finally {
                    SecurityContextHolder.clearContext();
                }
                analyzeQuick();
            }
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(bulkReview, "bulkParallelism", parallel);
        }
        out.add(new Measurement("P3", "Bulk approve " + size + " reports (chunks of " + chunk + " per transaction, overlapping)", "s", false,
                "≤ 2 s, each ok or with reason", seconds, perItem, "chunks one after the other",
                (items < size ? "a city had only " + items + " items left, time scaled to " + size + "; " : "")
                        + "cities " + cities + "; " + (failed == 0 ? "all ok" : failed + " failed with reasons")));
    }

    private static Object unwrap(Object bean) {
        return org.springframework.test.util.AopTestUtils.getUltimateTargetObject(bean);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static void actAs(CurrentUser user) {
        List<SimpleGrantedAuthority> authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    static void runConcurrently(List<Map<String, Object>> items, Consumer<Map<String, Object>> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = (items.size() + CLIENTS - 1) / CLIENTS;
            for (int c = 0; c < CLIENTS; c++) {
                List<Map<String, Object>> mine = items.subList(Math.min(items.size(), c * chunk), Math.min(items.size(), (c + 1) * chunk));
                futures.add(pool.submit(() -> mine.forEach(action)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static double median(List<Double> v) {
        return Measurement.stat(v, 50);
    }
}
