package cn.yn.employment.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ImportFile;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.LegacyExportGenerator;
import cn.yn.employment.migration.MigrationService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 13's measurement: the legacy import (docs/migration.md) of a generated export of
 * {@code bench.migration.enterprises} × {@code bench.migration.months} (default 100,000 × 24, with the sample's dirty
 * rows) into an empty database, through {@link MigrationService#load} as the screens and the command line call it.
 * Reports the whole load, its phases (from the load's own log line) and the reconciliation. Only with
 * {@code -Dbench.migration=true} (bench/run-all.sh), against an empty database of its own.
 */
@Tag("bench-full")
@EnabledIfSystemProperty(named = "bench.migration", matches = "true")
@SpringBootTest(properties = {"test.shared-database=true", "spring.quartz.auto-startup=false"})
class MigrationBenchmark {

    @Autowired MigrationService migration;
    @Autowired JdbcTemplate jdbc;

    @Test
    void loadAndReconcileAProvince() throws Exception {
        int enterprises = Integer.getInteger("bench.migration.enterprises", 100_000);
        int months = Integer.getInteger("bench.migration.months", 24);
        Path dir = Path.of("target", "bench-migration", enterprises + "x" + months);
        BenchReport out = new BenchReport();
        out.context("load average before", ProvinceBenchmark.loadAverage());
        out.context("database", jdbc.queryForObject("select version()", String.class));
        if (!Files.exists(dir.resolve("reports.csv"))) {
            long t0 = System.nanoTime();
            LegacyExportGenerator.write(dir, enterprises, months, YearMonth.of(2025, 1), 20260413L, "m", true);
            out.context("export generated", dir + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms (untimed)");
        }
        if (jdbc.queryForObject("select count(*) from enterprise", Long.class) > 0) {
            throw new IllegalStateException("MigrationBenchmark needs an empty database of its own (-Dbench.dbUrl=…)");
        }
        List<ImportFile> files = new ArrayList<>();
        for (FileKind k : FileKind.values()) {
            Path p = dir.resolve(k.name().toLowerCase(Locale.ROOT) + ".csv");
            if (Files.exists(p)) {
                files.add(ImportFile.of(k, p, null));
            }
        }
        Logger runLog = (Logger) LoggerFactory.getLogger("cn.yn.employment.migration.internal.ImportRun");
        ListAppender<ILoggingEvent> phases = new ListAppender<>();
        phases.start();
        runLog.addAppender(phases);
        CurrentUser admin = new CurrentUser(1, "bench-admin", "系统管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
                List.of(new SimpleGrantedAuthority(Role.SYSTEM_ADMIN.authority()))));
        ImportReport report;
        out.begin("M1");
        long t0 = System.nanoTime();
        try {
            report = migration.load(files, p -> { });
        } finally {
            SecurityContextHolder.clearContext();
            runLog.detachAppender(phases);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long e0 = System.nanoTime();
        jdbc.execute("analyze enterprise");
        jdbc.execute("analyze report");
        jdbc.execute("analyze app_user");
        double analyze = (System.nanoTime() - e0) / 1e9;
        String phaseLine = phases.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("phases"))
                .reduce((a, b) -> b).orElse("(no phase line)");
        long rows = 0;
        long rejected = 0;
        for (FileKind k : FileKind.values()) {
            rows += report.rowTotals(k)[3];
            rejected += report.rowTotals(k)[1];
        }
        long loaded = jdbc.queryForObject("select count(*) from enterprise", Long.class)
                + jdbc.queryForObject("select count(*) from report", Long.class);
        out.add(new Measurement("M1", "Legacy import, " + enterprises + " enterprises × " + months + " months, one batch (load + reconciliation)",
                "s", false, "minutes (issue 13)", List.of(seconds), null, null,
                String.format(Locale.ROOT, "%d rows loaded (%d enterprises + reports in the tables), %.0f rows/s; %s", rows, loaded,
                        loaded / seconds, phaseLine)));
        out.add(new Measurement("M2", "ANALYZE enterprise, report, app_user after the load", "s", false, "reported", List.of(analyze),
                null, null, null));
        out.context("reconciliation lines", report.lines().size() + ", fully explained: " + report.fullyExplained());
        out.context("rejected rows", rejected);
        out.context("load average after", ProvinceBenchmark.loadAverage());
        out.context("finished", Instant.now().toString());
        out.write(Path.of(System.getProperty("bench.out", "bench-results/migration")));
        Files.writeString(Path.of(System.getProperty("bench.out", "bench-results/migration")).resolve("phases.txt"), phaseLine + "\n",
                StandardCharsets.UTF_8);
    }
}
