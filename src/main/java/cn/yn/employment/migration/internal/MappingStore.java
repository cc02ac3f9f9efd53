package cn.yn.employment.migration.internal;

import cn.yn.employment.migration.MappingEntry;
import cn.yn.employment.migration.MappingKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for {@code migration_mapping}; no checks here (MappingService does them). */
@Repository
public class MappingStore {

    private static final RowMapper<MappingEntry> ENTRY = (rs, n) -> new MappingEntry(rs.getLong("id"),
            MappingKind.valueOf(rs.getString("kind")), rs.getString("source"), rs.getString("target"), rs.getString("note"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

    private final JdbcTemplate jdbc;

    MappingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<MappingEntry> list(MappingKind kind) {
        return kind == null ? jdbc.query("select * from migration_mapping order by kind, source", ENTRY)
                : jdbc.query("select * from migration_mapping where kind = ? order by source", ENTRY, kind.name());
    }

    public Optional<MappingEntry> find(long id) {
        return jdbc.query("select * from migration_mapping where id = ?", ENTRY, id).stream().findFirst();
    }

    public Optional<MappingEntry> find(MappingKind kind, String source) {
        return jdbc.query("select * from migration_mapping where kind = ? and source = ?", ENTRY, kind.name(), source)
                .stream().findFirst();
    }

    public void insert(MappingKind kind, String source, String target, String note, Instant now, String by) {
        jdbc.update("insert into migration_mapping (kind, source, target, note, updated_at, updated_by) values (?, ?, ?, ?, ?, ?)",
                kind.name(), source, target, note, Timestamp.from(now), by);
    }

    public void update(long id, String target, String note, Instant now, String by) {
        jdbc.update("update migration_mapping set target = ?, note = ?, updated_at = ?, updated_by = ? where id = ?",
                target, note, Timestamp.from(now), by, id);
    }

    public void delete(long id) {
        jdbc.update("delete from migration_mapping where id = ?", id);
    }

    /** Every kind's entries as source → target maps, read once per run. */
    public Mappings snapshot() {
        Map<MappingKind, Map<String, String>> all = new HashMap<>();
        for (MappingKind k : MappingKind.values()) {
            all.put(k, new HashMap<>());
        }
        jdbc.query("select kind, source, target from migration_mapping", rs -> {
            all.get(MappingKind.valueOf(rs.getString(1))).put(rs.getString(2), rs.getString(3));
        });
        return new Mappings(all);
    }

    /** The mapping as one run sees it. */
    public record Mappings(Map<MappingKind, Map<String, String>> byKind) {

        public Map<String, String> of(MappingKind kind) {
            return byKind.getOrDefault(kind, Map.of());
        }

        public String target(MappingKind kind, String source) {
            return of(kind).get(source);
        }
    }
}
