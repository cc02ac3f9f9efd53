package cn.yn.employment.audit;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading, exporting and verifying the audit log: system administrators only. */
@Service
public class AuditService {

    /** Reasons {@link ChainVerification#reason()} may carry; also the i18n keys that explain them. */
    public static final String REASON_MISSING = "audit.verify.reason.missing";
    public static final String REASON_PREVIOUS_HASH = "audit.verify.reason.previousHash";
    public static final String REASON_CONTENT = "audit.verify.reason.content";
    static final int EXPORT_MAX_ROWS = 100_000;

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;
    private final AuditChainSealer sealer;
    private final AuditLog audit;

    AuditService(JdbcTemplate jdbc, CurrentUserProvider currentUser, AuditChainSealer sealer, AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.sealer = sealer;
        this.audit = audit;
    }

    /**
     * The entries matching a search as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
     * Chinese text), newest first, at most {@value #EXPORT_MAX_ROWS} rows. The export itself is audited.
     */
    @Transactional
    public byte[] exportCsv(AuditQuery q) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("id,seq,occurred_at,actor,action,target_type,target_id,client_address,before_json,after_json\r\n");
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        args.add(EXPORT_MAX_ROWS);
        long[] rows = {0};
        jdbc.query("select * from audit_log" + where + " order by id desc limit ?", rs -> {
            AuditEntry e = map(rs, 0);
            sb.append(e.id()).append(',').append(e.seq() == null ? "" : e.seq()).append(',')
                    .append(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            e.occurredAt().atZone(cn.yn.employment.common.time.TimeConfig.ZONE))).append(',')
                    .append(csv(e.actor())).append(',').append(csv(e.action())).append(',')
                    .append(csv(e.targetType())).append(',').append(csv(e.targetId())).append(',')
                    .append(csv(e.clientAddress())).append(',').append(csv(e.beforeJson())).append(',')
                    .append(csv(e.afterJson())).append("\r\n");
            rows[0]++;
        }, args.toArray());
        audit.record("AUDIT_EXPORTED", "audit_log", null, null, java.util.Map.of("query", String.valueOf(q), "rows", rows[0]));
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        // a leading =, +, - or @ would be a formula in a spreadsheet
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditQuery q, int offset, int limit) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from audit_log" + where + " order by id desc limit ? offset ?", this::map, args.toArray());
    }

    @Transactional(readOnly = true)
    public long count(AuditQuery q) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("select count(*) from audit_log" + where(q, args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** The actions the log holds, for the filter's pick-list. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        return jdbc.queryForList("select distinct action from audit_log order by action", String.class);
    }

    /** The object types the log holds, for the filter's pick-list. */
    @Transactional(readOnly = true)
    public List<String> targetTypes() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        return jdbc.queryForList("select distinct target_type from audit_log where target_type is not null order by target_type",
                String.class);
    }

    /** Seals pending rows, then walks the whole chain and names the first broken entry. */
    public ChainVerification verify() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        return verifyChain();
    }

    /** Verification without a user, for the scheduled integrity check and tests. */
    public ChainVerification verifyChain() {
        sealer.sealPending();
        Long lastSeq = jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
        String[] prev = {"0".repeat(64)};
        long[] expectedSeq = {1};
        long[] checked = {0};
        ChainVerification[] broken = {null};
        jdbc.query("select id, seq, occurred_at, actor, action, target_type, target_id, before_json, after_json,"
                + " client_address, prev_hash, hash from audit_log where seq is not null order by seq", rs -> {
            if (broken[0] != null) {
                return;
            }
            long seq = rs.getLong("seq");
            long id = rs.getLong("id");
            Map<String, Object> row = Map.of(
                    "id", id,
                    "occurred_at", rs.getTimestamp("occurred_at"),
                    "actor", nz(rs.getString("actor")), "action", nz(rs.getString("action")),
                    "target_type", nz(rs.getString("target_type")), "target_id", nz(rs.getString("target_id")),
                    "before_json", nz(rs.getString("before_json")), "after_json", nz(rs.getString("after_json")),
                    "client_address", nz(rs.getString("client_address")));
            if (seq != expectedSeq[0]) {
                broken[0] = new ChainVerification(checked[0], expectedSeq[0], id, REASON_MISSING);
                return;
            }
            if (!prev[0].equals(rs.getString("prev_hash"))) {
                broken[0] = new ChainVerification(checked[0], seq, id, REASON_PREVIOUS_HASH);
                return;
            }
            String expected = AuditChainSealer.hash(prev[0], seq, row);
            if (!expected.equals(rs.getString("hash"))) {
                broken[0] = new ChainVerification(checked[0], seq, id, REASON_CONTENT);
                return;
            }
            prev[0] = expected;
            expectedSeq[0]++;
            checked[0]++;
        });
        if (broken[0] != null) {
            return broken[0];
        }
        // rows removed from the end leave no gap behind them: compare with the chain head (read before the walk)
        if (lastSeq != null && lastSeq > checked[0]) {
            return new ChainVerification(checked[0], checked[0] + 1, null, REASON_MISSING);
        }
        return new ChainVerification(checked[0], null, null, null);
    }

    private static Object nz(String s) {
        return s == null ? "" : s;
    }

    static String where(AuditQuery q, List<Object> args) {
        StringBuilder sb = new StringBuilder(" where 1=1");
        if (q.actor() != null && !q.actor().isBlank()) {
            sb.append(" and actor = ?");
            args.add(q.actor().trim());
        }
        if (q.action() != null && !q.action().isBlank()) {
            sb.append(" and action = ?");
            args.add(q.action().trim());
        }
        if (q.targetType() != null && !q.targetType().isBlank()) {
            // several stored spellings of one object type (REPORT and report) come comma-separated
            List<String> types = java.util.Arrays.stream(q.targetType().split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
            sb.append(" and target_type in (").append(String.join(",", types.stream().map(t -> "?").toList())).append(')');
            args.addAll(types);
        }
        if (q.targetId() != null && !q.targetId().isBlank()) {
            sb.append(" and target_id = ?");
            args.add(q.targetId().trim());
        }
        if (q.from() != null) {
            sb.append(" and occurred_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sb.append(" and occurred_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        return sb.toString();
    }

    AuditEntry map(ResultSet rs, int n) throws SQLException {
        long seq = rs.getLong("seq");
        boolean sealed = !rs.wasNull();
        return new AuditEntry(rs.getLong("id"), sealed ? seq : null, rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("client_address"), sealed);
    }
}
