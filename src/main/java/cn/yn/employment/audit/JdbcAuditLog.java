package cn.yn.employment.audit;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.web.ClientAddress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Inserts unsealed rows; {@link AuditChainSealer} chains them afterwards. Writers never wait on a global lock,
 * which keeps the deadline burst fast; the seal follows within seconds.
 */
@Service
class JdbcAuditLog implements AuditLog {

    static final int MAX_JSON = 20000;

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;
    private final Clock clock;
    private final ObjectMapper json;

    JdbcAuditLog(JdbcTemplate jdbc, CurrentUserProvider currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Override
    public void record(String action, String targetType, String targetId, Object before, Object after) {
        String actor = currentUser.find().map(CurrentUser::username).orElse("system");
        recordAs(actor, action, targetType, targetId, before, after);
    }

    @Override
    public void recordAs(String actor, String action, String targetType, String targetId, Object before, Object after) {
        jdbc.update("insert into audit_log (occurred_at, actor, action, target_type, target_id, before_json, after_json, client_address)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), truncate(actor, 64), action, targetType, targetId,
                toJson(before), toJson(after), truncate(ClientAddress.current(), 64));
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return truncate(s, MAX_JSON);
        }
        try {
            return truncate(json.writeValueAsString(value), MAX_JSON);
        } catch (JsonProcessingException e) {
            return truncate(String.valueOf(value), MAX_JSON);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
