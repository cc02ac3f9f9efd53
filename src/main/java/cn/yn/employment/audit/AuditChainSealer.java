package cn.yn.employment.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains unsealed audit rows: seq = last seq + 1, hash = sha256(prev_hash | canonical row). The chain head row
 * is locked for the duration, so on several nodes exactly one seals at a time. The transaction is explicit: the
 * scheduled call is a call on {@code this}, which an {@code @Transactional} proxy would not see (without it the lock
 * ended at once and two nodes sealed the same sequence numbers — found by deploy/rehearse.sh on two nodes).
 */
@Component
class AuditChainSealer {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    AuditChainSealer(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    @Scheduled(fixedDelayString = "${app.audit.seal-interval-ms:2000}")
    public void scheduledSeal() {
        sealPending();
    }

    /** Seals everything pending now in one transaction (joins the caller's, if any); returns the number of rows sealed. */
    public int sealPending() {
        Integer sealed = tx.execute(status -> sealLocked());
        return sealed == null ? 0 : sealed;
    }

    private int sealLocked() {
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue();
        String prev = (String) head.get("last_hash");
        int sealed = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select id, occurred_at, actor, action, target_type, target_id, before_json, after_json, client_address"
                            + " from audit_log where seq is null order by id limit " + BATCH);
            if (rows.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : rows) {
                seq++;
                String hash = hash(prev, seq, row);
                jdbc.update("update audit_log set seq = ?, prev_hash = ?, hash = ? where id = ?", seq, prev, hash, row.get("id"));
                prev = hash;
                sealed++;
            }
        }
        if (sealed > 0) {
            jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
        }
        return sealed;
    }

    static String hash(String prevHash, long seq, Map<String, Object> row) {
        String canonical = String.join("\u001f",
                prevHash,
                Long.toString(seq),
                Long.toString(((Number) row.get("id")).longValue()),
                Long.toString(toMillis(row.get("occurred_at"))),
                str(row.get("actor")), str(row.get("action")), str(row.get("target_type")), str(row.get("target_id")),
                str(row.get("before_json")), str(row.get("after_json")), str(row.get("client_address")));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long toMillis(Object ts) {
        if (ts instanceof Timestamp t) {
            return t.getTime();
        }
        if (ts instanceof java.time.OffsetDateTime o) {
            return o.toInstant().toEpochMilli();
        }
        if (ts instanceof java.time.Instant i) {
            return i.toEpochMilli();
        }
        throw new IllegalStateException("unexpected timestamp type " + (ts == null ? null : ts.getClass()));
    }

    private static String str(Object o) {
        return Objects.toString(o, "");
    }
}
