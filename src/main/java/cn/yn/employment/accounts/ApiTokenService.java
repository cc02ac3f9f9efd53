package cn.yn.employment.accounts;

import cn.yn.employment.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API used by enterprises' HR systems. Only a SHA-256 of the token is stored; the
 * token itself is shown once.
 */
@Service
public class ApiTokenService {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;

    ApiTokenService(JdbcTemplate jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Issues a token for an already authenticated user. */
    @Transactional
    public IssuedToken issue(long userId, String username, String name, Duration lifetime) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime == null ? DEFAULT_LIFETIME : lifetime);
        jdbc.update("insert into api_token (user_id, name, token_hash, created_at, expires_at, revoked) values (?, ?, ?, ?, ?, false)",
                userId, name, sha256(token), Timestamp.from(now), Timestamp.from(expires));
        audit.recordAs(username, "API_TOKEN_ISSUED", "user", username, null, java.util.Map.of("name", name, "expiresAt", expires.toString()));
        return new IssuedToken(token, expires);
    }

    /** The user id the token belongs to, when it is valid now. */
    @Transactional
    public Optional<Long> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Long> ids = jdbc.query("select user_id from api_token where token_hash = ? and revoked = false and (expires_at is null or expires_at > ?)",
                (rs, n) -> rs.getLong(1), sha256(token), Timestamp.from(now));
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("update api_token set last_used_at = ? where token_hash = ?", Timestamp.from(now), sha256(token));
        return Optional.of(ids.get(0));
    }

    @Transactional
    public void revokeAll(long userId) {
        jdbc.update("update api_token set revoked = true where user_id = ?", userId);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record IssuedToken(String token, Instant expiresAt) {

        /** Never the token itself, should the record ever be logged. */
        @Override
        public String toString() {
            return "IssuedToken[token=***, expiresAt=" + expiresAt + "]";
        }
    }
}
