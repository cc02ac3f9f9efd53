package cn.yn.employment.common.idempotency;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a state-changing request at most once per (user, idempotency key). The key row is inserted first, in the same
 * transaction as the change, and then carries the change's outcome: a retry with the same key and the same request
 * gets that outcome back; the same key with another request is refused ({@code api.idempotency.conflict}). Two
 * duplicates at once: the second one's insert waits on the primary key until the first commits, fails, and the second
 * then answers with the first one's outcome. A change that fails rolls its key back with it, so the retry of a refused
 * request is judged again. Without a key the action simply runs.
 *
 * <p>The caller's own role and scope checks stay in the action (the service methods); the key is scoped to the user,
 * so one user can never replay another's outcome.
 */
@Component
public class IdempotentRequests {

    /** The HTTP header API clients send. */
    public static final String HEADER = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,100}$");
    private static final int ROUNDS = 5;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Duration ttl;

    IdempotentRequests(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, ObjectMapper json,
                       PlatformTransactionManager txManager, @Value("${app.idempotency.ttl:P1D}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.json = json;
        this.tx = new TransactionTemplate(txManager);
        this.ttl = ttl;
    }

    /**
     * Runs {@code action} once for this key. {@code operation} names what is done to what (e.g.
     * {@code POST /api/v1/reports/2026-02}); {@code request} is the request's content. The result must be a
     * JSON-serialisable value of {@code type}.
     */
    public <T> T run(String key, String operation, Object request, Class<T> type, Supplier<T> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new DomainException("api.idempotency.invalidKey", List.of(new FieldError(HEADER, "api.idempotency.invalidKey")));
        }
        CurrentUser me = currentUser.require();
        String hash = hash(operation, request);
        for (int round = 1; ; round++) {
            try {
                return tx.execute(s -> once(me.id(), key, operation, hash, type, action));
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                // a duplicate with this key committed (or holds the key) meanwhile: the next round answers with its outcome
                if (round >= ROUNDS) {
                    throw new DomainException("api.idempotency.inProgress",
                            List.of(new FieldError(HEADER, "api.idempotency.inProgress")));
                }
                log.debug("idempotency key of user {} taken concurrently (round {}): {}", me.id(), round, e.toString());
            }
        }
    }

    private <T> T once(long userId, String key, String operation, String hash, Class<T> type, Supplier<T> action) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Map<String, Object>> rows = jdbc.queryForList("select operation, request_hash, response_json from idempotency_key"
                + " where user_id = ? and idem_key = ? and expires_at > ?", userId, key, now);
        if (!rows.isEmpty()) {
            Map<String, Object> first = rows.get(0);
            if (!operation.equals(first.get("operation")) || !hash.equals(first.get("request_hash"))) {
                throw new DomainException("api.idempotency.conflict", List.of(new FieldError(HEADER, "api.idempotency.conflict")));
            }
            return read((String) first.get("response_json"), type);
        }
        jdbc.update("delete from idempotency_key where user_id = ? and idem_key = ? and expires_at <= ?", userId, key, now);
        jdbc.update("insert into idempotency_key (user_id, idem_key, operation, request_hash, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?)", userId, key, cut(operation), hash, now, Timestamp.from(now.toInstant().plus(ttl)));
        T result = action.get();
        jdbc.update("update idempotency_key set response_json = ? where user_id = ? and idem_key = ?", write(result), userId, key);
        return result;
    }

    /** Expired keys are deleted hourly (a retry after the expiry is treated as a new request). */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    public void deleteExpired() {
        try {
            jdbc.update("delete from idempotency_key where expires_at <= ?", Timestamp.from(clock.instant()));
        } catch (RuntimeException e) {
            log.warn("deleting expired idempotency keys failed: {}", e.toString());
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outcome not serialisable", e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored outcome unreadable", e);
        }
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
