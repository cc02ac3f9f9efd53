package cn.yn.employment.migration.internal;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ImportFile;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.MigrationProgress;
import cn.yn.employment.migration.MigrationService;
import cn.yn.employment.migration.ReconciliationLine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The migration from the command line (docs/migration.md): {@code --app.migration.run=dry|load|rollback} with
 * {@code --app.migration.dir=<export dir>} (enterprises, users, reports as .csv or .xlsx) or
 * {@code --app.migration.batch=<id>}; writes its reports to {@code app.migration.out} (default: the export dir), prints
 * a progress line and exits: 0 done, 1 failed, 3 rollback refused. Runs as the system principal: whoever can start the
 * application on the server is already trusted with its database.
 */
@Component
@ConditionalOnProperty("app.migration.run")
@Order(2000)
class MigrationCommandLine implements ApplicationRunner {

    static final CurrentUser SYSTEM = new CurrentUser(0, "migration-cli", "数据迁移（命令行）", Set.of(Role.SYSTEM_ADMIN), Scope.system());

    private final MigrationService migration;
    private final Translations i18n;
    private final ConfigurableApplicationContext context;
    private final String mode;
    private final String dir;
    private final String out;
    private final String encoding;
    private final Long batch;
    private final boolean exit;
    private final PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    MigrationCommandLine(MigrationService migration, Translations i18n, ConfigurableApplicationContext context,
                         @Value("${app.migration.run}") String mode, @Value("${app.migration.dir:}") String dir,
                         @Value("${app.migration.out:}") String out, @Value("${app.migration.encoding:}") String encoding,
                         @Value("${app.migration.batch:#{null}}") Long batch, @Value("${app.migration.exit:true}") boolean exit) {
        this.migration = migration;
        this.i18n = i18n;
        this.context = context;
        this.mode = mode.trim().toLowerCase(Locale.ROOT);
        this.dir = dir;
        this.out = out;
        this.encoding = encoding;
        this.batch = batch;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null,
                SYSTEM.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        try {
            code = switch (mode) {
                case "dry" -> dry();
                case "load" -> load();
                case "rollback" -> rollback();
                default -> {
                    console.println("migration: app.migration.run must be dry, load or rollback, not '" + mode + "'");
                    yield 1;
                }
            };
        } catch (DomainException e) {
            console.println("migration " + mode + " refused: " + i18n.chinese(e.messageKey(), e.args()));
            e.fieldErrors().forEach(f -> console.println("  - " + f.field() + ": " + i18n.chinese(f.messageKey(), f.args())));
            code = 3;
        } catch (RuntimeException e) {
            console.println("migration " + mode + " failed: " + e);
            code = 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (exit) {
            int status = code;
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    private int dry() {
        ImportReport r = migration.dryRun(files(), progressLine("dry"));
        Path xlsx = output().resolve("dry-run.xlsx");
        write(xlsx, migration.dryRunExcel(r));
        summary(r);
        console.println("migration dry run finished: report " + xlsx.toAbsolutePath());
        return 0;
    }

    private int load() {
        ImportReport r = migration.load(files(), progressLine("load"));
        Path base = output();
        write(base.resolve("batch-" + r.batchId() + "-reconciliation.xlsx"), migration.reconciliationExcel(r.batchId()));
        write(base.resolve("batch-" + r.batchId() + "-reconciliation.pdf"), migration.reconciliationPdf(r.batchId()));
        if (!r.initialPasswords().isEmpty()) {
            Path pw = base.resolve("batch-" + r.batchId() + "-initial-passwords.csv");
            write(pw, migration.initialPasswordsCsv(r));
            console.println("migration: initial passwords of " + r.initialPasswords().size() + " users in " + pw.toAbsolutePath()
                    + " (hand over, then delete the file)");
        }
        summary(r);
        console.println("migration load finished: batch " + r.batchId() + " in " + r.durationMillis() + " ms, reconciliation in "
                + base.toAbsolutePath());
        return 0;
    }

    private int rollback() {
        if (batch == null) {
            console.println("migration: app.migration.batch is required for a rollback");
            return 1;
        }
        migration.rollback(batch);
        console.println("migration rollback finished: batch " + batch + " removed");
        return 0;
    }

    private void summary(ImportReport r) {
        for (FileKind k : FileKind.values()) {
            int[] t = r.rowTotals(k);
            console.printf("migration %s: source %d, rejected %d, already present %d, %s %d%n", k.name().toLowerCase(Locale.ROOT),
                    t[0], t[1], t[2], r.dryRun() ? "to load" : "loaded", t[3]);
        }
        long unexplained = r.lines().stream().filter(l -> !l.explained()).count();
        console.println("migration reconciliation: " + r.lines().size() + " lines, " + unexplained + " not explained");
        r.lines().stream().filter(l -> !l.explained()).map(ReconciliationLine::toString).forEach(console::println);
    }

    private List<ImportFile> files() {
        if (dir.isBlank()) {
            throw new IllegalArgumentException("app.migration.dir is required");
        }
        Path d = Path.of(dir);
        List<ImportFile> files = new ArrayList<>();
        for (FileKind k : FileKind.values()) {
            String base = k.name().toLowerCase(Locale.ROOT);
            for (String ext : new String[] {".csv", ".xlsx"}) {
                Path p = d.resolve(base + ext);
                if (Files.isRegularFile(p)) {
                    files.add(ImportFile.of(k, p, encoding));
                    break;
                }
            }
        }
        return files;
    }

    private Path output() {
        Path p = Path.of(out.isBlank() ? dir : out);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per phase change or per percent: "migration load: reports 120000/2400000 (5%)". */
    private Consumer<MigrationProgress> progressLine(String what) {
        return new Consumer<>() {
            String phase = "";
            long percent = -1;

            @Override
            public void accept(MigrationProgress p) {
                long pct = Math.round(p.fraction() * 100);
                if (!p.phase().equals(phase) || pct != percent) {
                    phase = p.phase();
                    percent = pct;
                    console.printf("migration %s: %s %d/%d (%d%%)%n", what, p.phase(), p.done(), p.total(), pct);
                }
            }
        };
    }
}
