package cn.yn.employment.accounts;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.security.ScopeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Bulk insert of user accounts for the legacy data migration: roles and scope as given, an initial password that must be
 * changed at the first login (the same mechanism as an administrator's reset), JDBC batches inside the caller's
 * transaction, every row tagged with the import batch id. System administrators only.
 */
@Component
public class UserBulkLoad {

    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final CurrentUserProvider currentUser;

    UserBulkLoad(JdbcTemplate jdbc, PasswordEncoder encoder, CurrentUserProvider currentUser) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.currentUser = currentUser;
    }

    /** A user to create; {@code initialPassword} is hashed here and never stored in clear. */
    public record Row(String username, String displayName, String email, String phone, Set<Role> roles, Scope scope,
                      String initialPassword) {
        public Row {
            roles = Set.copyOf(roles);
        }
    }

    /** Users of one batch in one scope. */
    public record ScopeTotal(ScopeType scopeType, String scopeCode, int rows) {
    }

    /** Every username, lower-cased (usernames are unique ignoring case). */
    public Set<String> existingUsernames() {
        requireAdmin();
        Set<String> out = new HashSet<>();
        jdbc.query("select username from app_user", rs -> {
            out.add(rs.getString(1).toLowerCase(Locale.ROOT));
        });
        return out;
    }

    /** The role–scope rule of the account administration (an enterprise user needs an enterprise scope, …); null if fine. */
    public static String scopeError(Set<Role> roles, Scope scope) {
        return AccountService.scopeError(roles, scope);
    }

    /** Inserts the users and their roles; every one must change the password at the first login. */
    public int insert(long batchId, List<Row> rows, Instant now) {
        requireAdmin();
        Timestamp t = Timestamp.from(now);
        List<Object[]> args = new ArrayList<>();
        int n = 0;
        for (Row r : rows) {
            args.add(new Object[] {r.username(), encoder.encode(r.initialPassword()), r.displayName(), r.email(), r.phone(),
                    r.scope().type().name(), r.scope().code(), t, t, t, batchId});
            if (args.size() == CHUNK) {
                n += flush(args);
            }
        }
        n += flush(args);
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select id, username from app_user where import_batch_id = ?", rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        }, batchId);
        List<Object[]> roles = new ArrayList<>();
        for (Row r : rows) {
            for (Role role : r.roles()) {
                roles.add(new Object[] {ids.get(r.username()), role.name()});
            }
        }
        if (!roles.isEmpty()) {
            jdbc.batchUpdate("insert into app_user_role (user_id, role) values (?, ?)", roles);
        }
        return n;
    }

    private int flush(List<Object[]> args) {
        if (args.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("insert into app_user (username, password_hash, display_name, email, phone, scope_type, scope_code,"
                + " enabled, failed_attempts, password_changed_at, must_change_password, created_at, updated_at, version, import_batch_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, true, 0, ?, true, ?, ?, 0, ?)", args);
        int n = args.size();
        args.clear();
        return n;
    }

    /** What the batch put into the table, per scope, as the database holds it now. */
    public List<ScopeTotal> totalsOfBatch(long batchId) {
        requireAdmin();
        return jdbc.query("select scope_type, scope_code, count(*) from app_user where import_batch_id = ? group by scope_type, scope_code",
                (rs, n) -> new ScopeTotal(ScopeType.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3)), batchId);
    }

    /**
     * Why the batch's users cannot be removed: signed in, changed (password, roles, lock) since the load, or API tokens
     * issued. Empty when a rollback is safe. Each entry is "reason:count".
     */
    public List<String> blockers(long batchId) {
        requireAdmin();
        List<String> out = new ArrayList<>();
        Integer loggedIn = jdbc.queryForObject("select count(*) from app_user where import_batch_id = ? and last_login_at is not null",
                Integer.class, batchId);
        if (loggedIn != null && loggedIn > 0) {
            out.add("userLoggedIn:" + loggedIn);
        }
        Integer changed = jdbc.queryForObject("select count(*) from app_user u where u.import_batch_id = ? and last_login_at is null"
                + " and (u.version > 0 or u.must_change_password = false or u.updated_at <> u.created_at"
                + " or exists (select 1 from api_token k where k.user_id = u.id))", Integer.class, batchId);
        if (changed != null && changed > 0) {
            out.add("userChanged:" + changed);
        }
        return out;
    }

    /** Deletes the batch's users (their roles go with them). */
    public int deleteBatch(long batchId) {
        requireAdmin();
        jdbc.update("delete from app_user_role where user_id in (select id from app_user where import_batch_id = ?)", batchId);
        return jdbc.update("delete from app_user where import_batch_id = ?", batchId);
    }

    private void requireAdmin() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
    }
}
