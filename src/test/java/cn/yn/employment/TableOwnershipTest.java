package cn.yn.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (docs/adr/0006): only the owning module writes a table; other modules go through the owner's
 * API or events. The test reads every SQL text in {@code src/main/java} (string literals, concatenations joined) and
 * every {@code @Table} of an entity, finds the statements that write a table, and fails on a write from a module
 * that does not own it, or on a table nobody has been given. There are no exceptions: bulk tools (the legacy migration,
 * the demo data, the data generator) call the owners' bulk APIs ({@code enterprise.EnterpriseBulkLoad}/
 * {@code EnterpriseBulkInserts}, {@code report.ReportHistoryBulkLoad}/{@code ReportBulkInserts},
 * {@code accounts.UserBulkLoad}, {@code period.PeriodBulkInserts}).
 */
class TableOwnershipTest {

    /** Table → owning module (the first package below {@code cn.yn.employment}). */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("app_user", "accounts"), Map.entry("app_user_role", "accounts"), Map.entry("api_token", "accounts"),
            Map.entry("audit_log", "audit"), Map.entry("audit_chain_head", "audit"),
            Map.entry("code_entry", "codes"),
            Map.entry("demo_seed_marker", "demo"),
            Map.entry("enterprise", "enterprise"), Map.entry("enterprise_filing_request", "enterprise"),
            Map.entry("enterprise_filing_version", "enterprise"),
            Map.entry("survey_period", "period"), Map.entry("period_city_window", "period"),
            Map.entry("period_reminder_sent", "period"), Map.entry("job_run", "period"),
            Map.entry("late_filing_grant", "period"), Map.entry("chase_log", "period"), Map.entry("chase_throttle", "period"),
            Map.entry("report", "report"), Map.entry("report_event", "report"), Map.entry("report_version", "report"),
            Map.entry("layoff_warning", "report"), Map.entry("report_missing_draft", "report"),
            Map.entry("work_item", "review"), Map.entry("work_item_done", "review"), Map.entry("saved_filter", "review"),
            Map.entry("review_escalation", "review"), Map.entry("work_item_copy", "review"),
            Map.entry("work_item_handover", "review"),
            Map.entry("notice", "notice"), Map.entry("notice_recipient", "notice"), Map.entry("notification", "notice"),
            Map.entry("outbox_message", "notice"),
            Map.entry("idempotency_key", "common"),
            Map.entry("sys_parameter", "parameters"),
            Map.entry("process_deployment_note", "processadmin"),
            Map.entry("statistics_archive", "statistics"), Map.entry("statistics_pair", "statistics"),
            Map.entry("statistics_pair_cell", "statistics"),
            Map.entry("forwarding_package", "forwarding"), Map.entry("forwarding_record", "forwarding"),
            Map.entry("forwarding_transmission", "forwarding"),
            Map.entry("migration_batch", "migration"), Map.entry("migration_mapping", "migration"),
            Map.entry("migration_reconciliation", "migration"), Map.entry("migration_row_issue", "migration"));

    static final Path MAIN = Path.of("src/main/java/cn/yn/employment");

    private static final Pattern WRITE = Pattern.compile(
            "\\b(insert\\s+into|update|delete\\s+from|merge\\s+into|truncate\\s+table|alter\\s+table)\\s+([a-z_][a-z0-9_]*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY_TABLE = Pattern.compile("@(?:Table|CollectionTable)\\s*\\(\\s*name\\s*=\\s*\"([a-z_0-9]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern CONCAT = Pattern.compile("\"\\s*\\+\\s*\"");

    record Write(String module, String table, String file) {
        @Override
        public String toString() {
            return module + " writes " + table + " (" + file + ")";
        }
    }

    @Test
    void everyTableIsWrittenOnlyByItsOwner() throws IOException {
        List<Write> foreign = new ArrayList<>();
        TreeSet<String> unowned = new TreeSet<>();
        for (Write w : writes()) {
            String owner = OWNER.get(w.table());
            if (owner == null) {
                unowned.add(w.table() + " (" + w.file() + ")");
            } else if (!owner.equals(w.module())) {
                foreign.add(w);
            }
        }
        assertThat(unowned).as("tables written but not given an owner in TableOwnershipTest.OWNER").isEmpty();
        assertThat(foreign).as("writes to a table from a module that does not own it").isEmpty();
    }

    @Test
    void theScannerFindsWritesInConcatenatedLiteralsAndTextBlocks() {
        String source = """
                jdbc.update("update report set state = 'MISSING' "
                        + "where id = ?", id);
                jdbc.update(\"""
                        insert into
                          work_item (task_id) values (?)\""", id);
                jdbc.update("delete from " + "notice where id = ?");
                // update the cache: not SQL, outside a literal
                """;
        assertThat(sqlWrites(source)).containsExactly("report", "work_item", "notice");
    }

    static List<Write> writes() throws IOException {
        List<Write> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String module = MAIN.relativize(f).getName(0).toString();
                String source = Files.readString(f, StandardCharsets.UTF_8);
                String name = MAIN.relativize(f).toString();
                sqlWrites(source).forEach(t -> out.add(new Write(module, t, name)));
                Matcher m = ENTITY_TABLE.matcher(source);
                while (m.find()) {
                    out.add(new Write(module, m.group(1), name));
                }
            }
        }
        return out;
    }

    static List<String> sqlWrites(String source) {
        List<String> tables = new ArrayList<>();
        for (String text : literals(source)) {
            Matcher w = WRITE.matcher(text);
            while (w.find()) {
                String table = w.group(2).toLowerCase(Locale.ROOT);
                if (!table.equals("set")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** The string literals and text blocks of a Java source, concatenated literals joined. */
    static List<String> literals(String source) {
        String joined = CONCAT.matcher(source).replaceAll("");
        List<String> out = new ArrayList<>();
        Matcher lit = LITERAL.matcher(joined);
        while (lit.find()) {
            out.add(lit.group(1) != null ? lit.group(1) : lit.group(2));
        }
        return out;
    }
}
