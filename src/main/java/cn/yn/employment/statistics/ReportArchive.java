package cn.yn.employment.statistics;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.period.PeriodClosed;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.PeriodState;
import cn.yn.employment.period.SurveyPeriod;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive of closed periods: when the period module publishes {@link PeriodClosed}, the full PDF pack
 * (every {@link ReportKind} for the province and for each city) is generated once, off the request thread,
 * and stored in {@code statistics_archive}. A leader or province reviewer may regenerate a period's pack;
 * regeneration replaces each file (idempotent). City-scoped users see and download their city's files only.
 */
@Service
public class ReportArchive {

    private static final Logger log = LoggerFactory.getLogger(ReportArchive.class);
    static final String ARCHIVER = "statistics-archive";

    /** One stored file (without its bytes). */
    public record ArchivedFile(long id, String periodCode, String scopeCode, ReportKind kind, String fileName, int size,
                               Instant generatedAt) {
    }

    /** Where a generation stands; {@code error} is set when it failed. */
    public record Progress(String periodCode, int done, int total, boolean finished, String error) {
    }

    private final JdbcTemplate jdbc;
    private final StatisticsReports reports;
    private final CodeService codes;
    private final CurrentUserProvider users;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final PeriodService periods;
    private final boolean resumeOnStart;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "statistics-archive");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Progress> running = new ConcurrentHashMap<>();

    ReportArchive(JdbcTemplate jdbc, StatisticsReports reports, CodeService codes, CurrentUserProvider users, AuditLog audit,
                  Clock clock, TransactionTemplate tx, PeriodService periods,
                  @Value("${app.archive.resume-on-start:true}") boolean resumeOnStart) {
        this.periods = periods;
        this.resumeOnStart = resumeOnStart;
        this.jdbc = jdbc;
        this.reports = reports;
        this.codes = codes;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The period module closed a period: archive its pack unless it is already complete. */
    @TransactionalEventListener(fallbackExecution = true)
    void onPeriodClosed(PeriodClosed event) {
        if (storedCount(event.periodCode()) >= expectedFiles()) {
            log.info("archive of {} already complete", event.periodCode());
            return;
        }
        start(event.periodCode(), ARCHIVER, p -> { });
    }

    /**
     * A node that stops while generating leaves a pack half done, and nothing would close that period again: on
     * start, finish every partly stored pack and the newest closed period's pack if it is incomplete.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (resumeOnStart) {
            resumeIncomplete();
        }
    }

    void resumeIncomplete() {
        int expected = expectedFiles();
        List<SurveyPeriod> closed = periods.list().stream()
                .filter(p -> p.state() != PeriodState.SCHEDULED && p.state() != PeriodState.OPEN).toList();
        for (int i = 0; i < closed.size(); i++) {
            String code = closed.get(i).code();
            int stored = storedCount(code);
            boolean newest = i == 0;
            if (stored < expected && (stored > 0 || newest) && progress(code).map(Progress::finished).orElse(true)) {
                log.info("archive of {} incomplete ({} of {} files): generating it", code, stored, expected);
                start(code, ARCHIVER, p -> { });
            }
        }
    }

    /** Regenerates a period's pack (replacing its files); progress is reported to the listener from a worker thread. */
    public CompletableFuture<Integer> regenerate(String periodCode, Consumer<Progress> listener) {
        CurrentUser user = Access.requireAny(users.require(), Role.LEADER, Role.PROVINCE_REVIEWER);
        if (!user.scope().isProvince()) {
            throw new AccessDeniedException("the province pack needs a province scope");
        }
        StatisticsService.periodsEndingWith(periodCode, 1); // validates the code
        return start(periodCode, user.username(), listener);
    }

    public java.util.Optional<Progress> progress(String periodCode) {
        return java.util.Optional.ofNullable(running.get(periodCode));
    }

    private synchronized CompletableFuture<Integer> start(String period, String actor, Consumer<Progress> listener) {
        Progress current = running.get(period);
        if (current != null && !current.finished()) {
            throw new DomainException("statistics.archive.busy");
        }
        List<String> scopes = scopes();
        int total = scopes.size() * ReportKind.values().length;
        Progress initial = new Progress(period, 0, total, false, null);
        running.put(period, initial);
        tell(listener, initial);
        return CompletableFuture.supplyAsync(() -> runAsArchiver(() -> generate(period, scopes, actor, listener)), executor);
    }

    private int generate(String period, List<String> scopes, String actor, Consumer<Progress> listener) {
        int done = 0;
        int total = scopes.size() * ReportKind.values().length;
        try {
            for (String scope : scopes) {
                StatisticsFilter filter = Scope.PROVINCE_CODE.equals(scope) ? StatisticsFilter.all() : StatisticsFilter.city(scope);
                for (ReportKind kind : ReportKind.values()) {
                    byte[] pdf = reports.pdf(kind, period, filter);
                    String name = reports.fileName(kind, period, filter, "pdf");
                    store(period, scope, kind, name, pdf);
                    done++;
                    Progress p = new Progress(period, done, total, false, null);
                    running.put(period, p);
                    tell(listener, p);
                }
            }
            audit.recordAs(actor, "STATISTICS_ARCHIVE_GENERATED", "statistics_archive", period, null,
                    Map.of("files", done, "scopes", scopes.size()));
            Progress p = new Progress(period, done, total, true, null);
            running.put(period, p);
            tell(listener, p);
            return done;
        } catch (RuntimeException e) {
            log.error("archive of {} failed", period, e);
            Progress p = new Progress(period, done, total, true, e.getClass().getSimpleName() + ": " + e.getMessage());
            running.put(period, p);
            tell(listener, p);
            throw e;
        }
    }

    /**
     * Reports progress; a listener that fails (a view whose UI has gone away) must not stop the generation, so its
     * exception is logged and the pack goes on.
     */
    private static void tell(Consumer<Progress> listener, Progress p) {
        try {
            listener.accept(p);
        } catch (RuntimeException e) {
            log.debug("archive progress listener failed for {}: {}", p.periodCode(), e.toString());
        }
    }

    private void store(String period, String scope, ReportKind kind, String name, byte[] pdf) {
        tx.executeWithoutResult(s -> {
            jdbc.update("delete from statistics_archive where period_code = ? and scope_code = ? and report_kind = ?",
                    period, scope, kind.name());
            jdbc.update("insert into statistics_archive (period_code, scope_code, report_kind, file_name, content_type, content,"
                            + " size_bytes, generated_at) values (?, ?, ?, ?, 'application/pdf', ?, ?, ?)",
                    period, scope, kind.name(), name, pdf, pdf.length, Timestamp.from(clock.instant()));
        });
    }

    private <T> T runAsArchiver(java.util.function.Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        CurrentUser archiver = new CurrentUser(0, ARCHIVER, ARCHIVER, Set.of(Role.LEADER), Scope.province());
        ctx.setAuthentication(new TestingAuthenticationToken(archiver, null, Role.LEADER.authority()));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The province, then each city. */
    List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        scopes.add(Scope.PROVINCE_CODE);
        codes.cities().stream().map(Code::code).forEach(scopes::add);
        return scopes;
    }

    /** How many files a complete pack has: every report for the province and for each city. */
    public int expectedFiles() {
        return scopes().size() * ReportKind.values().length;
    }

    int storedCount(String period) {
        Integer n = jdbc.queryForObject("select count(*) from statistics_archive where period_code = ?", Integer.class, period);
        return n == null ? 0 : n;
    }

    /** The archived files the user may see, newest period first. */
    public List<ArchivedFile> list() {
        CurrentUser user = Access.requireAny(users.require(), StatisticsService.ROLES);
        String city = cityOf(user);
        String sql = "select id, period_code, scope_code, report_kind, file_name, size_bytes, generated_at from statistics_archive"
                + (city == null ? "" : " where scope_code = ?") + " order by period_code desc, scope_code, report_kind";
        Object[] args = city == null ? new Object[0] : new Object[] {city};
        return jdbc.query(sql, (rs, i) -> new ArchivedFile(rs.getLong("id"), rs.getString("period_code"), rs.getString("scope_code"),
                ReportKind.valueOf(rs.getString("report_kind")), rs.getString("file_name"), rs.getInt("size_bytes"),
                rs.getTimestamp("generated_at").toInstant()), args);
    }

    /** A file's bytes, if the user's scope covers it. */
    public byte[] content(long id) {
        CurrentUser user = Access.requireAny(users.require(), StatisticsService.ROLES);
        String city = cityOf(user);
        // another city's file and a file that does not exist: the same answer
        Map<String, Object> row = jdbc.queryForList("select scope_code, content from statistics_archive where id = ?", id)
                .stream().filter(r -> city == null || city.equals(r.get("scope_code"))).findFirst()
                .orElseThrow(() -> new NotFoundException());
        return (byte[]) row.get("content");
    }

    private static String cityOf(CurrentUser user) {
        if (user.scope().type() == ScopeType.PROVINCE) {
            return null;
        }
        if (user.scope().type() == ScopeType.CITY) {
            return user.scope().code();
        }
        throw new AccessDeniedException("statistics need a city or province scope");
    }
}
