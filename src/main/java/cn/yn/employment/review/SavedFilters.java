package cn.yn.employment.review;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.text.TextInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** A reviewer's saved inbox filters (table {@code saved_filter}): own ones, and those shared in the team (same group). */
@Component
class SavedFilters {

    private static final Logger log = LoggerFactory.getLogger(SavedFilters.class);

    private final ReviewerGuard guard;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    SavedFilters(ReviewerGuard guard, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    SavedFilter save(String input, InboxFilter inputFilter, boolean shared) {
        CurrentUser u = guard.reviewer();
        TextInput in = new TextInput();
        String name = in.text("name", input);
        InboxFilter filter = ReviewerGuard.orNone(inputFilter == null ? null : inputFilter.checkedText(in));
        in.throwIfInvalid();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw new DomainException("review.filter.nameRequired",
                    List.of(new DomainException.FieldError("name", "review.filter.nameRequired")));
        }
        String body = toJson(filter);
        String team = ReviewerGuard.team(u);
        return guard.inTx(() -> {
            jdbc.update("delete from saved_filter where owner_username = ? and name = ?", u.username(), n);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement("insert into saved_filter (name, owner_username, team_group, shared,"
                        + " filter_json, created_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
                ps.setString(1, n);
                ps.setString(2, u.username());
                ps.setString(3, team);
                ps.setBoolean(4, shared);
                ps.setString(5, body);
                ps.setTimestamp(6, Timestamp.from(clock.instant()));
                return ps;
            }, key);
            long id = key.getKey().longValue();
            audit.record("REVIEW_FILTER_SAVE", "SAVED_FILTER", String.valueOf(id), null, Map.of("name", n, "shared", shared));
            return new SavedFilter(id, n, u.username(), shared, filter);
        });
    }

    /** The user's own filters and those shared in the team (same candidate group), by name. */
    List<SavedFilter> list() {
        CurrentUser u = guard.reviewer();
        return jdbc.query("select id, name, owner_username, shared, filter_json from saved_filter"
                        + " where owner_username = ? or (shared = true and team_group = ?) order by name, id",
                (rs, i) -> new SavedFilter(rs.getLong("id"), rs.getString("name"), rs.getString("owner_username"),
                        rs.getBoolean("shared"), fromJson(rs.getString("filter_json"))),
                u.username(), ReviewerGuard.team(u));
    }

    void delete(long id) {
        CurrentUser u = guard.reviewer();
        guard.inTx(() -> {
            List<String> owner = jdbc.queryForList("select owner_username from saved_filter where id = ?", String.class, id);
            if (owner.isEmpty() || !owner.get(0).equals(u.username())) {
                throw ReviewerGuard.notFound(); // someone else's filter (even a shared one) reads like a missing one
            }
            jdbc.update("delete from saved_filter where id = ?", id);
            audit.record("REVIEW_FILTER_DELETE", "SAVED_FILTER", String.valueOf(id), null, null);
            return null;
        });
    }

    private String toJson(InboxFilter f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private InboxFilter fromJson(String s) {
        try {
            return json.readValue(s, InboxFilter.class);
        } catch (JsonProcessingException e) {
            log.warn("unreadable saved filter {}", s);
            return InboxFilter.none();
        }
    }
}
