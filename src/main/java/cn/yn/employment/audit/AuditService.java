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

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;
    private final AuditChainSealer sealer;

    AuditService(JdbcTemplate jdbc, CurrentUserProvider currentUser, AuditChainSealer sealer) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.sealer = sealer;
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

    /** Seals pending rows, then walks the whole chain and names the first broken entry. */
    public ChainVerification verify() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        return verifyChain();
    }

    /** Verification without a user, for the scheduled integrity check and tests. */
    public ChainVerification verifyChain() {
        sealer.sealPending();
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
                broken[0] = new ChainVerification(checked[0], expectedSeq[0], id, "missing entry before seq " + seq);
                return;
            }
            if (!prev[0].equals(rs.getString("prev_hash"))) {
                broken[0] = new ChainVerification(checked[0], seq, id, "previous hash does not match");
                return;
            }
            String expected = AuditChainSealer.hash(prev[0], seq, row);
            if (!expected.equals(rs.getString("hash"))) {
                broken[0] = new ChainVerification(checked[0], seq, id, "content does not match its hash");
                return;
            }
            prev[0] = expected;
            expectedSeq[0]++;
            checked[0]++;
        });
        return broken[0] != null ? broken[0] : new ChainVerification(checked[0], null, null, null);
    }

    private static Object nz(String s) {
        return s == null ? "" : s;
    }

    private static String where(AuditQuery q, List<Object> args) {
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
            sb.append(" and target_type = ?");
            args.add(q.targetType().trim());
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

    private AuditEntry map(ResultSet rs, int n) throws SQLException {
        long seq = rs.getLong("seq");
        boolean sealed = !rs.wasNull();
        return new AuditEntry(rs.getLong("id"), sealed ? seq : null, rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("client_address"), sealed);
    }
}
