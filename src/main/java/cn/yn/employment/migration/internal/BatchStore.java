package cn.yn.employment.migration.internal;

import cn.yn.employment.migration.BatchView;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.Outcome;
import cn.yn.employment.migration.ReconciliationLine;
import cn.yn.employment.migration.RowIssue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** SQL for the batch, row issue and reconciliation tables of the migration module. */
@Repository
public class BatchStore {

    private static final RowMapper<BatchView> BATCH = (rs, n) -> new BatchView(rs.getLong("id"), rs.getString("state"),
            rs.getString("files"), rs.getInt("enterprises_loaded"), rs.getInt("reports_loaded"), rs.getInt("users_loaded"),
            rs.getInt("rows_rejected"), rs.getInt("rows_present"), rs.getLong("duration_ms"),
            rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"),
            rs.getTimestamp("rolled_back_at") == null ? null : rs.getTimestamp("rolled_back_at").toInstant(),
            rs.getString("rolled_back_by"));

    private final JdbcTemplate jdbc;

    BatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(String files, Instant now, String by) {
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("state", BatchView.LOADED);
        row.put("files", files.length() > 2000 ? files.substring(0, 2000) : files);
        row.put("enterprises_loaded", 0);
        row.put("reports_loaded", 0);
        row.put("users_loaded", 0);
        row.put("rows_rejected", 0);
        row.put("rows_present", 0);
        row.put("duration_ms", 0L);
        row.put("loaded_at", Timestamp.from(now));
        row.put("loaded_by", by);
        return new SimpleJdbcInsert(jdbc).withTableName("migration_batch").usingGeneratedKeyColumns("id")
                .usingColumns(row.keySet().toArray(String[]::new)).executeAndReturnKey(row).longValue();
    }

    void finish(long id, String files, int enterprises, int reports, int users, int rejected, int present, long durationMs) {
        jdbc.update("update migration_batch set files = ?, enterprises_loaded = ?, reports_loaded = ?, users_loaded = ?, rows_rejected = ?,"
                + " rows_present = ?, duration_ms = ? where id = ?", cut(files, 2000), enterprises, reports, users, rejected, present,
                durationMs, id);
    }

    public boolean markRolledBack(long id, Instant now, String by) {
        return jdbc.update("update migration_batch set state = ?, rolled_back_at = ?, rolled_back_by = ? where id = ? and state = ?",
                BatchView.ROLLED_BACK, Timestamp.from(now), by, id, BatchView.LOADED) == 1;
    }

    public List<BatchView> list() {
        return jdbc.query("select * from migration_batch order by id desc", BATCH);
    }

    public Optional<BatchView> find(long id) {
        return jdbc.query("select * from migration_batch where id = ?", BATCH, id).stream().findFirst();
    }

    /** Locks the batch row: one rollback at a time. */
    public Optional<BatchView> lock(long id) {
        jdbc.query("select id from migration_batch where id = ? for update", (rs, n) -> rs.getLong(1), id);
        return find(id);
    }

    void insertIssues(long batchId, List<RowIssue> issues) {
        List<Object[]> args = new ArrayList<>();
        for (RowIssue i : issues) {
            args.add(new Object[] {batchId, i.file().name(), i.line(), cut(i.field(), 40), i.outcome().name(), cut(i.reason(), 80),
                    cut(i.detail(), 500), i.cityCode(), i.periodCode()});
            if (args.size() == 1000) {
                flushIssues(args);
            }
        }
        flushIssues(args);
    }

    private void flushIssues(List<Object[]> args) {
        if (!args.isEmpty()) {
            jdbc.batchUpdate("insert into migration_row_issue (batch_id, file_kind, line_no, field, outcome, reason, detail, city_code,"
                    + " period_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
            args.clear();
        }
    }

    public List<RowIssue> issues(long batchId) {
        return jdbc.query("select * from migration_row_issue where batch_id = ? order by file_kind, line_no, id", (rs, n) -> new RowIssue(
                FileKind.valueOf(rs.getString("file_kind")), rs.getInt("line_no"), rs.getString("field"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"), rs.getString("detail"), rs.getString("city_code"),
                rs.getString("period_code")), batchId);
    }

    void insertLines(long batchId, List<ReconciliationLine> lines) {
        List<Object[]> args = new ArrayList<>();
        for (ReconciliationLine l : lines) {
            args.add(new Object[] {batchId, l.table().name(), l.cityCode(), l.periodCode(), l.sourceRows(), l.rejectedRows(),
                    l.presentRows(), l.loadedRows(), l.sourceEmployees(), l.rejectedEmployees(), l.presentEmployees(),
                    l.loadedEmployees(), l.sourceReductions(), l.rejectedReductions(), l.presentReductions(), l.loadedReductions()});
        }
        if (!args.isEmpty()) {
            jdbc.batchUpdate("insert into migration_reconciliation (batch_id, table_kind, city_code, period_code, source_rows,"
                    + " rejected_rows, present_rows, loaded_rows, source_employees, rejected_employees, present_employees,"
                    + " loaded_employees, source_reductions, rejected_reductions, present_reductions, loaded_reductions)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
        }
    }

    public List<ReconciliationLine> lines(long batchId) {
        return jdbc.query("select * from migration_reconciliation where batch_id = ? order by table_kind, city_code, period_code",
                (rs, n) -> new ReconciliationLine(FileKind.valueOf(rs.getString("table_kind")), rs.getString("city_code"),
                        rs.getString("period_code"), rs.getInt("source_rows"), rs.getInt("rejected_rows"), rs.getInt("present_rows"),
                        rs.getInt("loaded_rows"), rs.getLong("source_employees"), rs.getLong("rejected_employees"),
                        rs.getLong("present_employees"), rs.getLong("loaded_employees"), rs.getLong("source_reductions"),
                        rs.getLong("rejected_reductions"), rs.getLong("present_reductions"), rs.getLong("loaded_reductions")),
                batchId);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
