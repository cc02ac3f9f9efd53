package cn.yn.employment.notice;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's look at the outbox: how many messages wait, fail or are dead, which ones, and resend
 * (a DEAD or waiting message becomes due now with a fresh count of attempts). Sent messages are not resent from here.
 */
@Service
public class OutboxAdminService {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;

    OutboxAdminService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Messages per state; {@code failing} counts the PENDING ones that have failed at least once. */
    public record Summary(Map<OutboxState, Integer> byState, int failing) {
        public int count(OutboxState s) {
            return byState.getOrDefault(s, 0);
        }
    }

    @Transactional(readOnly = true)
    public Summary summary() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
        jdbc.query("select state, count(*) from outbox_message group by state",
                rs -> { counts.put(OutboxState.valueOf(rs.getString(1)), rs.getInt(2)); });
        Integer failing = jdbc.queryForObject("select count(*) from outbox_message where state = 'PENDING' and attempts > 0", Integer.class);
        return new Summary(counts, failing == null ? 0 : failing);
    }

    /**
     * Messages in a state, those due first (DEAD and SENT: newest first). {@code failingOnly} limits PENDING to the
     * ones that have failed at least once.
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> messages(OutboxState state, boolean failingOnly, int offset, int limit) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        String order = state == OutboxState.PENDING || state == OutboxState.SENDING ? "next_attempt_at, id" : "id desc";
        // no state: every message (a NullPointerException before, found by ServiceActionMatrixTest)
        java.util.List<Object> args = new java.util.ArrayList<>();
        if (state != null) {
            args.add(state.name());
        }
        args.add(Math.max(0, Math.min(limit, 1000)));
        args.add(Math.max(0, offset));
        return jdbc.query("select id, channel, recipient, subject, kind, state, attempts, next_attempt_at, last_error, created_at,"
                        + " sent_at from outbox_message where " + (state == null ? "1 = 1" : "state = ?")
                        + (failingOnly ? " and attempts > 0" : "") + " order by " + order + " limit ? offset ?",
                OutboxAdminService::row, args.toArray());
    }

    /** Makes a DEAD or waiting message due now, with its attempts counted afresh. */
    @Transactional
    public void resend(long id) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        Timestamp now = Timestamp.from(clock.instant());
        int n = jdbc.update("update outbox_message set state = 'PENDING', attempts = 0, next_attempt_at = ? where id = ?"
                + " and state in ('PENDING', 'DEAD')", now, id);
        if (n == 0) {
            throw new DomainException("notice.outbox.error.notResendable");
        }
        audit.record("OUTBOX_RESENT", "outbox_message", Long.toString(id), null, Map.of("state", "PENDING"));
    }

    /** Resends every DEAD message; returns how many. */
    @Transactional
    public int resendAllDead() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        Instant now = clock.instant();
        int n = jdbc.update("update outbox_message set state = 'PENDING', attempts = 0, next_attempt_at = ? where state = 'DEAD'",
                Timestamp.from(now));
        if (n > 0) {
            audit.record("OUTBOX_RESENT_ALL", "outbox_message", "*", null, Map.of("messages", n));
        }
        return n;
    }

    private static OutboxMessage row(ResultSet rs, int n) throws SQLException {
        return new OutboxMessage(rs.getLong(1), MessageOutbox.Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), OutboxState.valueOf(rs.getString(6)), rs.getInt(7), instant(rs.getTimestamp(8)),
                rs.getString(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
