package cn.yn.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads across modules by SQL are explicit (docs/adr/0020): a class may read another module's table only when it is
 * named here, each a read model of the reading module with the reason in the ADR. Everything else reads through the
 * owner's API. A new reader — or a listed class reading a further foreign table — fails this test; a reader that no
 * longer reads fails it too, so the list stays true.
 */
class CrossModuleReadsTest {

    /** Reading class (path below cn/yn/employment) → the foreign tables it may read. */
    static final Map<String, Set<String>> NAMED_READERS = Map.ofEntries(
            // statistics: the aggregates, the dashboard, the PDF/Excel tables and receipts over the report facts
            Map.entry("statistics/internal/AggregateQueries.java", Set.of("report", "layoff_warning", "enterprise", "survey_period")),
            Map.entry("statistics/Receipts.java", Set.of("report", "enterprise")),
            // statistics: the trend's comparable-basis cells per (period, previous) pair (docs/adr/0033)
            Map.entry("statistics/internal/ComparisonCells.java", Set.of("report")),
            // period: progress (上报进度), reminders, chasing and late filing over who has (not) reported
            Map.entry("period/ProgressService.java", Set.of("report", "enterprise")),
            Map.entry("period/PeriodReminders.java", Set.of("report", "enterprise")),
            Map.entry("period/ChaseService.java", Set.of("report", "enterprise")),
            Map.entry("period/LateFilingService.java", Set.of("report", "enterprise")),
            Map.entry("period/internal/EnterpriseMessenger.java", Set.of("enterprise")),
            // report: the enterprise facts a report copies (region, industry, baseline) and its read models
            Map.entry("report/ReportStore.java", Set.of("enterprise")),
            Map.entry("report/AcceptedReports.java", Set.of("enterprise")),
            Map.entry("report/MissingReportMarker.java", Set.of("enterprise")),
            Map.entry("report/ReportDemoData.java", Set.of("enterprise")),
            // enterprise: a migrated enterprise with reports changed since cannot be rolled back
            Map.entry("enterprise/EnterpriseBulkLoad.java", Set.of("report")),
            // accounts: the enterprise user's unit name and scope
            Map.entry("accounts/AccountService.java", Set.of("enterprise")),
            Map.entry("accounts/AccountPersonDirectory.java", Set.of("enterprise")),
            // notice: the recipients of a notice (enterprises of a city/industry, users of a role)
            Map.entry("notice/NoticeService.java", Set.of("enterprise", "app_user", "app_user_role")),
            // demo: the demo enterprise's id for the demo accounts
            Map.entry("demo/internal/DemoEnterprises.java", Set.of("enterprise")));

    private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyCrossModuleReadIsANamedReader() throws IOException {
        Map<String, Set<String>> found = foreignReads();
        TreeSet<String> unnamed = new TreeSet<>();
        found.forEach((file, tables) -> tables.stream()
                .filter(t -> !NAMED_READERS.getOrDefault(file, Set.of()).contains(t))
                .forEach(t -> unnamed.add(file + " reads " + t)));
        assertThat(unnamed).as("reads of another module's table outside the named readers (docs/adr/0020): use the owner's"
                + " API, or name the read model here and in the ADR").isEmpty();
        TreeSet<String> stale = new TreeSet<>();
        NAMED_READERS.forEach((file, tables) -> tables.stream()
                .filter(t -> !found.getOrDefault(file, Set.of()).contains(t))
                .forEach(t -> stale.add(file + " no longer reads " + t)));
        assertThat(stale).as("named readers that no longer read the table: remove them from the list").isEmpty();
    }

    @Test
    void theScannerFindsReadsInJoinsAndSubqueries() {
        String source = """
                jdbc.query("select r.id from report r join enterprise e on e.id = r.enterprise_id"
                        + " where r.id in (select report_id from layoff_warning)", m);
                // from the report: not SQL, outside a literal
                """;
        assertThat(reads(source)).containsExactlyInAnyOrder("report", "enterprise", "layoff_warning");
    }

    /** File → tables of other modules it reads. */
    static Map<String, Set<String>> foreignReads() throws IOException {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(TableOwnershipTest.MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = TableOwnershipTest.MAIN.relativize(f).toString().replace('\\', '/');
                if (name.indexOf('/') < 0) {
                    continue; // the application class, in no module
                }
                String module = name.substring(0, name.indexOf('/'));
                for (String table : reads(Files.readString(f, StandardCharsets.UTF_8))) {
                    String owner = TableOwnershipTest.OWNER.get(table);
                    if (owner != null && !owner.equals(module)) {
                        out.computeIfAbsent(name, k -> new TreeSet<>()).add(table);
                    }
                }
            }
        }
        return out;
    }

    static List<String> reads(String source) {
        return TableOwnershipTest.literals(source).stream().flatMap(text -> {
            Matcher m = READ.matcher(text);
            Stream.Builder<String> b = Stream.builder();
            while (m.find()) {
                b.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            return b.build();
        }).toList();
    }
}
