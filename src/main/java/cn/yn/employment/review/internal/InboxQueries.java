package cn.yn.employment.review.internal;

import cn.yn.employment.review.Cursor;
import cn.yn.employment.review.InboxFilter;
import cn.yn.employment.review.InboxPage;
import cn.yn.employment.review.InboxTab;
import cn.yn.employment.review.WorkItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * SQL over the projection. Callers (ReviewService) have already decided the user's groups; every query is
 * restricted to them. Keyset pagination on (submitted_at, task_id) for open items, (completed_at, task_id) for done.
 */
@Component
public class InboxQueries {

    static final String OPEN_COLUMNS = "task_id, process_instance_id, kind, subject_id, period_code, city_code, county_code,"
            + " industry_division, enterprise_id, enterprise_name, uscc, task_key, candidate_group, state, has_warnings,"
            + " submitted_at, due_at, claimed_by, owner_username, delegated, returned_by_province, return_comment";
    static final String DONE_COLUMNS = "task_id, process_instance_id, kind, subject_id, period_code, city_code, county_code,"
            + " industry_division, enterprise_id, enterprise_name, uscc, task_key, candidate_group, state, has_warnings,"
            + " submitted_at, completed_by, decision, return_to, comment, completed_at";

    private final JdbcTemplate jdbc;

    InboxQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public InboxPage page(InboxTab tab, Collection<String> groups, String username, InboxFilter f, Cursor after,
                          int limit, Instant now) {
        if (groups.isEmpty()) {
            return new InboxPage(List.of(), null);
        }
        Where w = where(tab, groups, username, f, now);
        // open items: oldest submission first unless asked otherwise; done items: latest completion first
        boolean desc = tab == InboxTab.DONE || f.newestFirst();
        String at = tab == InboxTab.DONE ? "completed_at" : "submitted_at";
        if (after != null) {
            String op = desc ? "<" : ">";
            w.sql.append(" and (").append(at).append(' ').append(op).append(" ? or (").append(at)
                    .append(" = ? and task_id ").append(op).append(" ?))");
            w.args.add(Timestamp.from(after.at()));
            w.args.add(Timestamp.from(after.at()));
            w.args.add(after.taskId());
        }
        String dir = desc ? " desc" : " asc";
        String sql = "select " + (tab == InboxTab.DONE ? DONE_COLUMNS : OPEN_COLUMNS) + " from "
                + (tab == InboxTab.DONE ? "work_item_done" : "work_item") + w.sql
                + " order by " + at + dir + ", task_id" + dir + " limit " + (limit + 1);
        List<WorkItem> rows = jdbc.query(sql, tab == InboxTab.DONE ? DONE : openMapper(now), w.args.toArray());
        Cursor next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            next = rows.get(rows.size() - 1).cursor();
        }
        return new InboxPage(rows, next);
    }

    /**
     * The page at {@code offset} rows (numbered pages jumping ahead); the keyset {@link #page} is what paging on from a
     * known page uses. Same order, so a page reached either way holds the same rows.
     */
    public InboxPage pageAt(InboxTab tab, Collection<String> groups, String username, InboxFilter f, long offset,
                            int limit, Instant now) {
        if (groups.isEmpty()) {
            return new InboxPage(List.of(), null);
        }
        Where w = where(tab, groups, username, f, now);
        boolean desc = tab == InboxTab.DONE || f.newestFirst();
        String at = tab == InboxTab.DONE ? "completed_at" : "submitted_at";
        String dir = desc ? " desc" : " asc";
        String sql = "select " + (tab == InboxTab.DONE ? DONE_COLUMNS : OPEN_COLUMNS) + " from "
                + (tab == InboxTab.DONE ? "work_item_done" : "work_item") + w.sql
                + " order by " + at + dir + ", task_id" + dir + " limit " + (limit + 1) + " offset " + Math.max(0, offset);
        List<WorkItem> rows = jdbc.query(sql, tab == InboxTab.DONE ? DONE : openMapper(now), w.args.toArray());
        Cursor next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            next = rows.get(rows.size() - 1).cursor();
        }
        return new InboxPage(rows, next);
    }

    /** The survey periods present in the user's open and done items, newest first (the period pick-list). */
    public List<String> periods(Collection<String> groups, String username) {
        if (groups.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", groups.stream().map(g -> "?").toList());
        List<Object> args = new ArrayList<>(groups);
        args.addAll(groups);
        args.add(username);
        return jdbc.queryForList("select period_code from work_item where candidate_group in (" + in + ") and period_code is not null"
                + " union select period_code from work_item_done where candidate_group in (" + in + ") and completed_by = ?"
                + " and period_code is not null order by 1 desc", String.class, args.toArray());
    }

    public long count(InboxTab tab, Collection<String> groups, String username, InboxFilter f, Instant now) {
        if (groups.isEmpty()) {
            return 0;
        }
        Where w = where(tab, groups, username, f, now);
        Long n = jdbc.queryForObject("select count(*) from " + (tab == InboxTab.DONE ? "work_item_done" : "work_item") + w.sql,
                Long.class, w.args.toArray());
        return n == null ? 0 : n;
    }

    /** Task ids of open items matching the filter (for "all matching" bulk actions), oldest first. */
    public List<String> openTaskIds(InboxTab tab, Collection<String> groups, String username, InboxFilter f, Instant now, int max) {
        if (groups.isEmpty() || tab == InboxTab.DONE) {
            return List.of();
        }
        Where w = where(tab, groups, username, f, now);
        return jdbc.queryForList("select task_id from work_item" + w.sql + " order by submitted_at, task_id limit " + max,
                String.class, w.args.toArray());
    }

    public Optional<WorkItem> open(String taskId, Instant now) {
        return jdbc.query("select " + OPEN_COLUMNS + " from work_item where task_id = ?", openMapper(now), taskId)
                .stream().findFirst();
    }

    /** Locks the row until the transaction ends; the second of two concurrent reviewers waits here, then finds nothing. */
    public Optional<WorkItem> lockOpen(String taskId, Instant now) {
        return jdbc.query("select " + OPEN_COLUMNS + " from work_item where task_id = ? for update", openMapper(now), taskId)
                .stream().findFirst();
    }

    public List<WorkItem> openOfSubject(String kind, long subjectId, Instant now) {
        return jdbc.query("select " + OPEN_COLUMNS + " from work_item where kind = ? and subject_id = ? order by created_at",
                openMapper(now), kind, subjectId);
    }

    public List<WorkItem> doneOfSubject(String kind, long subjectId) {
        return jdbc.query("select " + DONE_COLUMNS + " from work_item_done where kind = ? and subject_id = ?"
                + " order by completed_at, id", DONE, kind, subjectId);
    }

    public Optional<WorkItem> done(String taskId) {
        return jdbc.query("select " + DONE_COLUMNS + " from work_item_done where task_id = ?", DONE, taskId).stream().findFirst();
    }

    private static Where where(InboxTab tab, Collection<String> groups, String username, InboxFilter f, Instant now) {
        Where w = new Where();
        w.sql.append(" where candidate_group in (").append(String.join(",", groups.stream().map(g -> "?").toList())).append(')');
        w.args.addAll(groups);
        if (tab == InboxTab.DONE) {
            w.sql.append(" and completed_by = ?");
            w.args.add(username);
        }
        if (tab == InboxTab.RETURNED) {
            w.sql.append(" and returned_by_province = true");
        }
        eq(w, "period_code", f.periodCode());
        eq(w, "city_code", f.cityCode());
        eq(w, "county_code", f.countyCode());
        eq(w, "industry_division", f.industryDivision());
        eq(w, "kind", f.kind());
        if (f.hasWarnings() != null) {
            w.sql.append(" and has_warnings = ?");
            w.args.add(f.hasWarnings());
        }
        if (tab != InboxTab.DONE) {
            if (f.overdue() != null) {
                if (f.overdue()) {
                    w.sql.append(" and due_at < ?");
                } else {
                    w.sql.append(" and (due_at is null or due_at >= ?)");
                }
                w.args.add(Timestamp.from(now));
            }
            switch (f.claim()) {
                case MINE -> {
                    w.sql.append(" and claimed_by = ?");
                    w.args.add(username);
                }
                case UNCLAIMED -> w.sql.append(" and claimed_by is null");
                default -> {
                }
            }
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = "%" + f.text().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            w.sql.append(" and (lower(enterprise_name) like ? escape '\\' or lower(uscc) like ? escape '\\')");
            w.args.add(t);
            w.args.add(t);
        }
        return w;
    }

    private static void eq(Where w, String column, String value) {
        if (value != null && !value.isBlank()) {
            w.sql.append(" and ").append(column).append(" = ?");
            w.args.add(value);
        }
    }

    private static final class Where {
        final StringBuilder sql = new StringBuilder();
        final List<Object> args = new ArrayList<>();
    }

    private static Instant inst(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static RowMapper<WorkItem> openMapper(Instant now) {
        return (rs, i) -> {
            Instant due = inst(rs, "due_at");
            return new WorkItem(rs.getString("task_id"), rs.getString("process_instance_id"), rs.getString("kind"),
                    rs.getLong("subject_id"), rs.getString("period_code"), rs.getString("city_code"), rs.getString("county_code"),
                    rs.getString("industry_division"), longOrNull(rs, "enterprise_id"), rs.getString("enterprise_name"),
                    rs.getString("uscc"), rs.getString("task_key"), rs.getString("candidate_group"), rs.getString("state"),
                    rs.getBoolean("has_warnings"), inst(rs, "submitted_at"), due, due != null && due.isBefore(now),
                    rs.getString("claimed_by"), rs.getString("owner_username"), rs.getBoolean("delegated"),
                    rs.getBoolean("returned_by_province"), rs.getString("return_comment"),
                    false, null, null, null, null, null);
        };
    }

    private static final RowMapper<WorkItem> DONE = (rs, i) -> new WorkItem(rs.getString("task_id"),
            rs.getString("process_instance_id"), rs.getString("kind"), rs.getLong("subject_id"), rs.getString("period_code"),
            rs.getString("city_code"), rs.getString("county_code"), rs.getString("industry_division"),
            longOrNull(rs, "enterprise_id"), rs.getString("enterprise_name"), rs.getString("uscc"), rs.getString("task_key"),
            rs.getString("candidate_group"), rs.getString("state"), rs.getBoolean("has_warnings"), inst(rs, "submitted_at"),
            null, false, null, null, false, false, null, true, rs.getString("completed_by"), rs.getString("decision"),
            rs.getString("return_to"), rs.getString("comment"), inst(rs, "completed_at"));
}
