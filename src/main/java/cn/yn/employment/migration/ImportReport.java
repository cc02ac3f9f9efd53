package cn.yn.employment.migration;

import java.util.List;

/**
 * The outcome of a dry run, or of a load ({@code batchId} set): the files read, every rejected, changed or skipped row,
 * and the reconciliation per table, city and period. {@code initialPasswords} (username → password) only after a load,
 * for handing over to the users; it is not stored anywhere.
 */
public record ImportReport(Long batchId, List<FileSummary> files, List<RowIssue> issues, List<ReconciliationLine> lines,
                           java.util.Map<String, String> initialPasswords, long durationMillis) {

    public ImportReport {
        files = List.copyOf(files);
        issues = List.copyOf(issues);
        lines = List.copyOf(lines);
        initialPasswords = java.util.Map.copyOf(initialPasswords);
    }

    /** One input file: its name, kind, the encoding used, SHA-256 and data rows read (blank lines excluded). */
    public record FileSummary(FileKind kind, String name, String encoding, String sha256, int rows) {
    }

    public boolean dryRun() {
        return batchId == null;
    }

    public long count(Outcome outcome) {
        return issues.stream().filter(i -> i.outcome() == outcome).count();
    }

    /** Rows of a table (source, rejected, present, loaded) summed over cities and periods. */
    public int[] rowTotals(FileKind table) {
        int[] t = new int[4];
        for (ReconciliationLine l : lines) {
            if (l.table() == table) {
                t[0] += l.sourceRows();
                t[1] += l.rejectedRows();
                t[2] += l.presentRows();
                t[3] += l.loadedRows();
            }
        }
        return t;
    }

    public boolean fullyExplained() {
        return lines.stream().allMatch(ReconciliationLine::explained);
    }
}
