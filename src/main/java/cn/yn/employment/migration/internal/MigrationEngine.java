package cn.yn.employment.migration.internal;

import cn.yn.employment.accounts.UserBulkLoad;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.enterprise.EnterpriseBulkLoad;
import cn.yn.employment.migration.ImportFile;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.MigrationProgress;
import cn.yn.employment.report.ReportHistoryBulkLoad;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Starts {@link ImportRun}s with the module's collaborators; the service around it checks access and owns the transaction. */
@Component
public class MigrationEngine {

    private final ImportRun.Deps deps;
    private final MappingStore mappings;

    MigrationEngine(CodeService codes, EnterpriseBulkLoad enterprises, ReportHistoryBulkLoad reports, UserBulkLoad users,
                    BatchStore batches, MappingStore mappings) {
        this.deps = new ImportRun.Deps(codes, enterprises, reports, users, batches);
        this.mappings = mappings;
    }

    public ImportReport dryRun(List<ImportFile> files, Consumer<MigrationProgress> progress, Instant now) {
        return new ImportRun(deps, mappings.snapshot(), null, progress, now).run(files);
    }

    /** Loads into a new batch; the caller's transaction makes it all or nothing. */
    public ImportReport load(List<ImportFile> files, Consumer<MigrationProgress> progress, Instant now, String by) {
        long batchId = deps.batches().create("", now, by);
        return new ImportRun(deps, mappings.snapshot(), batchId, progress, now).run(files);
    }
}
