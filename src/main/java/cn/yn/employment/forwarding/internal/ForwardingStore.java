package cn.yn.employment.forwarding.internal;

import cn.yn.employment.forwarding.ForwardingPackage;
import cn.yn.employment.forwarding.ForwardingStatus;
import cn.yn.employment.forwarding.Transmission;
import cn.yn.employment.forwarding.internal.ExchangeLayout.ChangeKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL on the forwarding module's own tables; no security here (callers check). */
@Component
public class ForwardingStore {

    private static final String PACKAGE_COLUMNS = "id, period_code, sequence_no, file_name, sha256, size_bytes, record_count, status,"
            + " generated_at, built_by, sent_at, acknowledged_at, acknowledged_by, ack_note, attempts, next_attempt_at, last_error";

    private final JdbcTemplate jdbc;

    ForwardingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ForwardingPackage> packages(String periodCode) {
        return jdbc.query("select " + PACKAGE_COLUMNS + " from forwarding_package where period_code = ? order by sequence_no",
                ForwardingStore::map, periodCode);
    }

    /** Every package, for the period overview. */
    public List<ForwardingPackage> allPackages() {
        return jdbc.query("select " + PACKAGE_COLUMNS + " from forwarding_package order by period_code, sequence_no", ForwardingStore::map);
    }

    public Optional<ForwardingPackage> find(long id) {
        return jdbc.query("select " + PACKAGE_COLUMNS + " from forwarding_package where id = ?", ForwardingStore::map, id)
                .stream().findFirst();
    }

    public Optional<ForwardingPackage> find(String periodCode, int sequenceNo) {
        return jdbc.query("select " + PACKAGE_COLUMNS + " from forwarding_package where period_code = ? and sequence_no = ?",
                ForwardingStore::map, periodCode, sequenceNo).stream().findFirst();
    }

    /** Locks the package row for the rest of the transaction (one delivery at a time per package, across nodes). */
    public Optional<ForwardingPackage> lock(long id) {
        jdbc.query("select id from forwarding_package where id = ? for update", (rs, n) -> rs.getLong(1), id);
        return find(id);
    }

    public byte[] content(long id) {
        return jdbc.queryForObject("select content from forwarding_package where id = ?", byte[].class, id);
    }

    /** The highest report version any package of the period (before the given sequence) carried, by report id. */
    public Map<Long, Integer> forwardedVersions(String periodCode, int beforeSequence) {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.query("select r.report_id, max(r.version_no) from forwarding_record r join forwarding_package p on p.id = r.package_id"
                + " where p.period_code = ? and p.sequence_no < ? group by r.report_id", rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                }, periodCode, beforeSequence);
        return out;
    }

    long insertPackage(String periodCode, int sequenceNo, String fileName, byte[] content, String sha256, int records,
                       Instant generatedAt, String builtBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into forwarding_package (period_code, sequence_no, file_name, content, sha256,"
                    + " size_bytes, record_count, status, generated_at, built_by) values (?, ?, ?, ?, ?, ?, ?, 'BUILT', ?, ?)",
                    new String[] {"id"});
            ps.setString(1, periodCode);
            ps.setInt(2, sequenceNo);
            ps.setString(3, fileName);
            ps.setBytes(4, content);
            ps.setString(5, sha256);
            ps.setInt(6, content.length);
            ps.setInt(7, records);
            ps.setTimestamp(8, Timestamp.from(generatedAt));
            ps.setString(9, builtBy);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Replaces the content of a package that was never delivered (a rebuild before sending). */
    void replaceContent(long id, byte[] content, String sha256, int records, Instant generatedAt, String builtBy) {
        jdbc.update("update forwarding_package set content = ?, sha256 = ?, size_bytes = ?, record_count = ?, generated_at = ?,"
                + " built_by = ? where id = ? and status = 'BUILT' and attempts = 0",
                content, sha256, content.length, records, Timestamp.from(generatedAt), builtBy, id);
        jdbc.update("delete from forwarding_record where package_id = ?", id);
    }

    void insertRecords(long packageId, List<ExchangeLayout.Row> rows) {
        jdbc.batchUpdate("insert into forwarding_record (package_id, report_id, version_no, change_kind) values (?, ?, ?, ?)",
                rows, 1000, (ps, r) -> {
                    ps.setLong(1, packageId);
                    ps.setLong(2, r.report().reportId());
                    ps.setInt(3, r.report().versionNo());
                    ps.setString(4, r.change().name());
                });
    }

    public Map<ChangeKind, Integer> recordKinds(long packageId) {
        Map<ChangeKind, Integer> out = new HashMap<>();
        jdbc.query("select change_kind, count(*) from forwarding_record where package_id = ? group by change_kind", rs -> {
            out.put(ChangeKind.valueOf(rs.getString(1)), rs.getInt(2));
        }, packageId);
        return out;
    }

    void markSent(long id, Instant at) {
        jdbc.update("update forwarding_package set status = 'SENT', sent_at = ?, attempts = attempts + 1, next_attempt_at = null,"
                + " last_error = null where id = ?", Timestamp.from(at), id);
    }

    void markFailed(long id, String error, Instant nextAttempt) {
        jdbc.update("update forwarding_package set status = 'FAILED', attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                + " where id = ?", nextAttempt == null ? null : Timestamp.from(nextAttempt), truncate(error, 1000), id);
    }

    void markAcknowledged(long id, Instant at, String by, String note) {
        jdbc.update("update forwarding_package set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, ack_note = ?"
                + " where id = ? and status = 'SENT'", Timestamp.from(at), by, truncate(note, 500), id);
    }

    /** Failed packages whose next attempt is due. */
    List<ForwardingPackage> dueRetries(Instant now) {
        return jdbc.query("select " + PACKAGE_COLUMNS + " from forwarding_package where status = 'FAILED' and next_attempt_at <= ?"
                + " order by period_code, sequence_no", ForwardingStore::map, Timestamp.from(now));
    }

    List<ForwardingPackage> awaitingAcknowledgement() {
        return jdbc.query("select " + PACKAGE_COLUMNS + " from forwarding_package where status = 'SENT' order by period_code, sequence_no",
                ForwardingStore::map);
    }

    int nextAttemptNo(long packageId) {
        Integer n = jdbc.queryForObject("select coalesce(max(attempt), 0) from forwarding_transmission where package_id = ?",
                Integer.class, packageId);
        return (n == null ? 0 : n) + 1;
    }

    void insertTransmission(long packageId, int attempt, String outcome, String gateway, String location, String detail,
                            Instant at, String by) {
        jdbc.update("insert into forwarding_transmission (package_id, attempt, outcome, gateway, location, detail, attempted_at,"
                + " attempted_by) values (?, ?, ?, ?, ?, ?, ?, ?)", packageId, attempt, outcome, gateway, truncate(location, 500),
                truncate(detail, 1000), Timestamp.from(at), by);
    }

    public List<Transmission> transmissions(String periodCode) {
        return jdbc.query("select t.*, p.file_name from forwarding_transmission t join forwarding_package p on p.id = t.package_id"
                + " where p.period_code = ? order by t.attempted_at desc, t.id desc", (rs, n) -> new Transmission(rs.getLong("id"),
                rs.getLong("package_id"), rs.getString("file_name"), rs.getInt("attempt"), rs.getString("outcome"),
                rs.getString("gateway"), rs.getString("location"), rs.getString("detail"),
                rs.getTimestamp("attempted_at").toInstant(), rs.getString("attempted_by")), periodCode);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static ForwardingPackage map(ResultSet rs, int n) throws SQLException {
        return new ForwardingPackage(rs.getLong("id"), rs.getString("period_code"), rs.getInt("sequence_no"), rs.getString("file_name"),
                rs.getString("sha256"), rs.getInt("size_bytes"), rs.getInt("record_count"),
                ForwardingStatus.valueOf(rs.getString("status")), instant(rs, "generated_at"), rs.getString("built_by"),
                instant(rs, "sent_at"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), rs.getString("ack_note"),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
