package cn.yn.employment.accounts;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.Person;
import cn.yn.employment.common.security.PersonDirectory;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.security.ScopeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link PersonDirectory} over the account tables: the display name, roles, scope and the unit's name. */
@Component
class AccountPersonDirectory implements PersonDirectory {

    private static final int CHUNK = 200;
    private static final String COLUMNS = "select u.id, u.username, u.display_name, u.scope_type, u.scope_code, u.enabled from app_user u";

    private final JdbcTemplate jdbc;
    private final CodeService codes;

    AccountPersonDirectory(JdbcTemplate jdbc, CodeService codes) {
        this.jdbc = jdbc;
        this.codes = codes;
    }

    @Override
    public Optional<Person> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return findAll(List.of(username)).values().stream().findFirst();
    }

    @Override
    public Map<String, Person> findAll(Collection<String> usernames) {
        List<String> names = usernames.stream().filter(n -> n != null && !n.isBlank()).distinct().toList();
        Map<String, Person> out = new LinkedHashMap<>();
        for (int from = 0; from < names.size(); from += CHUNK) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + CHUNK));
            String marks = String.join(",", chunk.stream().map(n -> "?").toList());
            load(COLUMNS + " where u.username in (" + marks + ")", chunk.toArray()).forEach(p -> out.put(p.username(), p));
        }
        return out;
    }

    @Override
    public List<Person> active(Scope scope, Role role) {
        return load(COLUMNS + " where u.enabled = true and u.scope_type = ? and u.scope_code = ?"
                        + " and exists (select 1 from app_user_role r where r.user_id = u.id and r.role = ?) order by u.username",
                scope.type().name(), scope.code(), role.name());
    }

    private List<Person> load(String sql, Object... args) {
        record Row(long id, String username, String displayName, Scope scope, boolean enabled) {
        }
        List<Row> rows = jdbc.query(sql, (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                new Scope(ScopeType.valueOf(rs.getString(4)), rs.getString(5)), rs.getBoolean(6)), args);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        String ids = String.join(",", rows.stream().map(r -> "?").toList());
        jdbc.query("select user_id, role from app_user_role where user_id in (" + ids + ")", rs -> {
            roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
        }, rows.stream().map(Row::id).toArray());
        List<Person> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Person(r.id(), r.username(), r.displayName(), roles.getOrDefault(r.id(), Set.of()), r.scope(),
                    r.enabled(), unitName(r.scope())));
        }
        return out;
    }

    private String unitName(Scope scope) {
        return switch (scope.type()) {
            case ENTERPRISE -> jdbc.queryForList("select name from enterprise where id = ?", String.class, scope.enterpriseId())
                    .stream().findFirst().orElse(null);
            case CITY -> codes.nameOf(CodeType.REGION, scope.code());
            case PROVINCE -> codes.nameOf(CodeType.REGION, Scope.PROVINCE_CODE);
            case SYSTEM -> null;
        };
    }
}
