package cn.yn.employment.migration;

import cn.yn.employment.accounts.UserBulkLoad;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.enterprise.EnterpriseBulkLoad;
import cn.yn.employment.migration.internal.BatchStore;
import cn.yn.employment.migration.internal.MigrationEngine;
import cn.yn.employment.migration.internal.MigrationExports;
import cn.yn.employment.report.ReportHistoryBulkLoad;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legacy data migration (issue 13, items 1–6): dry run, load in one import batch, reconciliation, rollback. System
 * administrators only (the command line runs as the system principal). A load is one database transaction: killed or
 * failed half-way it leaves nothing behind; inside it rows go in JDBC batches through the owning modules' bulk loads.
 */
@Service
public class MigrationService {

    private final MigrationEngine engine;
    private final BatchStore batches;
    private final MigrationExports exports;
    private final EnterpriseBulkLoad enterprises;
    private final ReportHistoryBulkLoad reports;
    private final UserBulkLoad users;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final AtomicBoolean running = new AtomicBoolean();

    MigrationService(MigrationEngine engine, BatchStore batches, MigrationExports exports, EnterpriseBulkLoad enterprises,
                     ReportHistoryBulkLoad reports, UserBulkLoad users, CurrentUserProvider currentUser, AuditLog audit, Clock clock,
                     PlatformTransactionManager txManager) {
        this.engine = engine;
        this.batches = batches;
        this.exports = exports;
        this.enterprises = enterprises;
        this.reports = reports;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.readOnly = new TransactionTemplate(txManager);
        this.readOnly.setReadOnly(true);
    }

    /** Reads and checks the files without writing anything: every rejected, changed or skipped row and the totals. */
    public ImportReport dryRun(List<ImportFile> files, Consumer<MigrationProgress> progress) {
        requireAdmin();
        requireFiles(files);
        return readable(() -> exclusive(() -> readOnly.execute(s -> {
            s.setRollbackOnly();
            return engine.dryRun(files, progress, clock.instant());
        })));
    }

    /**
     * A file that cannot be read at all (binary or truncated CSV, a broken or mislabelled workbook) is refused with its
     * reason, after the transaction rolled back; it was an unexpected exception before (MalformedImportFilesTest).
     */
    private static ImportReport readable(java.util.function.Supplier<ImportReport> work) {
        try {
            return work.get();
        } catch (java.io.UncheckedIOException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.UnsupportedFileFormatException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new DomainException("migration.error.unreadable", String.valueOf(root.getMessage()));
        }
    }

    /** Loads the files in one import batch, all or nothing; a reload adds nothing that is already there. */
    public ImportReport load(List<ImportFile> files, Consumer<MigrationProgress> progress) {
        CurrentUser me = requireAdmin();
        requireFiles(files);
        ImportReport r = readable(() -> exclusive(() -> tx.execute(s -> {
            ImportReport report = engine.load(files, progress, clock.instant(), me.username());
            Map<String, Object> after = new LinkedHashMap<>();
            int[] e = report.rowTotals(FileKind.ENTERPRISES);
            int[] u = report.rowTotals(FileKind.USERS);
            int[] p = report.rowTotals(FileKind.REPORTS);
            after.put("enterprises", e[3]);
            after.put("users", u[3]);
            after.put("reports", p[3]);
            after.put("rejected", e[1] + u[1] + p[1]);
            after.put("present", e[2] + u[2] + p[2]);
            after.put("files", report.files().stream().map(f -> f.name() + " " + f.sha256()).toList());
            audit.record("MIGRATION_LOADED", "migration_batch", Long.toString(report.batchId()), null, after);
            return report;
        })));
        return r;
    }

    /**
     * Removes exactly what the batch added. Refused, with the reasons, when users have since worked on that data (a
     * report edited or submitted, a filing change, a migrated user who signed in).
     */
    public void rollback(long batchId) {
        CurrentUser me = requireAdmin();
        tx.executeWithoutResult(s -> {
            BatchView b = batches.lock(batchId).orElseThrow(() -> new DomainException("migration.error.batchNotFound"));
            if (b.rolledBack()) {
                throw new DomainException("migration.rollback.already", b.id());
            }
            List<String> blockers = new ArrayList<>();
            blockers.addAll(users.blockers(batchId));
            blockers.addAll(reports.blockers(batchId));
            blockers.addAll(enterprises.blockers(batchId));
            if (!blockers.isEmpty()) {
                List<FieldError> errors = blockers.stream().map(x -> {
                    String[] parts = x.split(":");
                    return new FieldError("batch", "migration.blocker." + parts[0], Integer.parseInt(parts[1]));
                }).toList();
                throw new DomainException("migration.rollback.blocked", errors, b.id());
            }
            int u = users.deleteBatch(batchId);
            int r = reports.deleteBatch(batchId);
            int e = enterprises.deleteBatch(batchId);
            batches.markRolledBack(batchId, clock.instant(), me.username());
            audit.record("MIGRATION_ROLLED_BACK", "migration_batch", Long.toString(batchId), Map.of("state", b.state()),
                    Map.of("state", BatchView.ROLLED_BACK, "users", u, "reports", r, "enterprises", e));
        });
    }

    public List<BatchView> batches() {
        requireAdmin();
        return batches.list();
    }

    public BatchView batch(long id) {
        requireAdmin();
        return batches.find(id).orElseThrow(() -> new DomainException("migration.error.batchNotFound"));
    }

    public List<ReconciliationLine> reconciliation(long batchId) {
        requireAdmin();
        return batches.lines(batchId);
    }

    public List<RowIssue> issues(long batchId) {
        requireAdmin();
        return batches.issues(batchId);
    }

    public byte[] dryRunExcel(ImportReport report) {
        requireAdmin();
        return exports.dryRunExcel(report);
    }

    public byte[] reconciliationExcel(long batchId) {
        BatchView b = batch(batchId);
        return exports.reconciliationExcel(b, batches.lines(batchId), batches.issues(batchId));
    }

    public byte[] reconciliationPdf(long batchId) {
        BatchView b = batch(batchId);
        return exports.reconciliationPdf(b, batches.lines(batchId));
    }

    /** The initial passwords of a load's users as CSV (UTF-8 with BOM, for Excel), to hand over; kept nowhere. */
    public byte[] initialPasswordsCsv(ImportReport report) {
        requireAdmin();
        StringBuilder b = new StringBuilder("\uFEFF用户名,初始密码\n");
        report.initialPasswords().forEach((u, p) -> b.append(u).append(',').append(p).append('\n'));
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "5301 昆明市"-style name of a city code of the totals ("unknown" for rows whose region could not be read). */
    public String cityName(String code) {
        return exports.cityName(code);
    }

    private <T> T exclusive(java.util.function.Supplier<T> work) {
        if (!running.compareAndSet(false, true)) {
            throw new DomainException("migration.error.running");
        }
        try {
            return work.get();
        } finally {
            running.set(false);
        }
    }

    private static void requireFiles(List<ImportFile> files) {
        if (files == null || files.isEmpty()) {
            throw new DomainException("migration.error.invalid", List.of(new FieldError("files", "migration.error.noFiles")));
        }
        EnumSet<FileKind> seen = EnumSet.noneOf(FileKind.class);
        for (ImportFile f : files) {
            if (!seen.add(f.kind())) {
                throw new DomainException("migration.error.invalid",
                        List.of(new FieldError(f.kind().name().toLowerCase(java.util.Locale.ROOT), "migration.error.twoFiles")));
            }
            String n = f.name().toLowerCase(java.util.Locale.ROOT);
            if (!n.endsWith(".csv") && !n.endsWith(".xlsx") && !n.endsWith(".txt")) {
                throw new DomainException("migration.error.invalid",
                        List.of(new FieldError(f.kind().name().toLowerCase(java.util.Locale.ROOT), "migration.error.fileType")));
            }
        }
    }

    private CurrentUser requireAdmin() {
        return Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
    }
}
