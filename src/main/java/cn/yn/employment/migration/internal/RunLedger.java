package cn.yn.employment.migration.internal;

import cn.yn.employment.common.security.Scope;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.MigrationProgress;
import cn.yn.employment.migration.Outcome;
import cn.yn.employment.migration.RowIssue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one run has found so far, shared by its phases: the row issues, the file summaries, the reconciliation totals,
 * the rejected and already-present counts, the enterprises known (of the database and of the file) and the progress
 * sink. Not thread-safe; one per run.
 */
final class RunLedger {

    /** What reports and users need of an enterprise of the file or the database; id &lt; 0 for one not inserted (dry run). */
    record Ent(long id, String cityCode, String countyCode, String section, String division, String registrationType,
               int baseline) {
    }

    final List<RowIssue> issues = new ArrayList<>();
    final List<ImportReport.FileSummary> files = new ArrayList<>();
    final Totals totals = new Totals();
    final Map<String, Ent> enterprisesByUscc = new HashMap<>();
    final Map<String, Integer> rejectedEnterpriseLines = new HashMap<>();
    final Map<Long, String> cityOfEnterpriseId = new HashMap<>();
    int rejected;
    int present;
    private final Consumer<MigrationProgress> progress;

    RunLedger(Consumer<MigrationProgress> progress) {
        this.progress = progress;
    }

    void knowEnterprise(String uscc, Ent e) {
        enterprisesByUscc.put(uscc, e);
        if (e.id() > 0) {
            cityOfEnterpriseId.put(e.id(), e.cityCode());
        }
    }

    /** "Rejected" for an unknown USCC, or "enterpriseRejected @line" when the file's own row for it was rejected. */
    void rejectUnknownEnterprise(RowCheck c, String field, String uscc) {
        Integer line = rejectedEnterpriseLines.get(uscc);
        c.reject(field, line != null ? "enterpriseRejected" : "enterpriseUnknown", uscc + (line != null ? " @" + line : ""));
    }

    /** The city a scope belongs to, for the reconciliation per city. */
    String cityOf(Scope s) {
        return switch (s.type()) {
            case ENTERPRISE -> cityOfEnterpriseId.getOrDefault(s.enterpriseId(),
                    enterprisesByUscc.values().stream().filter(e -> e.id() == s.enterpriseId()).map(Ent::cityCode).findFirst().orElse(""));
            case CITY -> s.code();
            case PROVINCE -> Scope.PROVINCE_CODE;
            case SYSTEM -> "";
        };
    }

    void presentNote(FileKind kind, int n) {
        if (n > 0) {
            issue(kind, 0, "file", Outcome.NOTE, "alreadyPresent", Integer.toString(n), null, null);
        }
    }

    void issue(FileKind kind, int line, String field, Outcome outcome, String reason, String detail, String city, String period) {
        issues.add(new RowIssue(kind, line, field, outcome, reason, detail, city, period));
    }

    void tick(String phase, long done, long total) {
        if (progress != null) {
            progress.accept(new MigrationProgress(phase, Math.max(0, done), total));
        }
    }
}
