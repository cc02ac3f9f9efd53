package cn.yn.employment.enterprise;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk insert of filed enterprises for the legacy data migration: JDBC batches inside the caller's transaction, every
 * row tagged with the import batch id, so the batch can be reconciled and deleted again. System administrators only.
 * No filing chain is started: the rows arrive already filed (备案) in the old system.
 */
@Component
public class EnterpriseBulkLoad {

    static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;

    EnterpriseBulkLoad(JdbcTemplate jdbc, CurrentUserProvider currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** A filed enterprise as the old system held it, already validated and mapped to today's code tables. */
    public record Row(String uscc, String orgCode, String name, String countyCode, String cityCode, String registrationType,
                      String industrySection, String industryDivision, String businessScope, String contactPerson,
                      String address, String postcode, String phone, String email, int baselineHeadcount, Instant filedAt) {
    }

    /** What a report needs of an enterprise that is already in the database. */
    public record Existing(long id, String uscc, String cityCode, String countyCode, String industrySection,
                           String industryDivision, String registrationType, int baselineHeadcount, Long importBatchId) {
    }

    /** Rows and baseline headcounts of one batch in one city. */
    public record CityTotal(String cityCode, int rows, long baselineHeadcount) {
    }

    /** Every enterprise by USCC (the natural key that makes a reload add nothing). */
    public Map<String, Existing> existingByUscc() {
        requireAdmin();
        Map<String, Existing> out = new HashMap<>();
        jdbc.query("select id, uscc, city_code, county_code, industry_section, industry_division, registration_type,"
                + " baseline_headcount, import_batch_id from enterprise", rs -> {
                    long batch = rs.getLong("import_batch_id");
                    Long batchId = rs.wasNull() ? null : batch;
                    out.put(rs.getString("uscc"), new Existing(rs.getLong("id"), rs.getString("uscc"), rs.getString("city_code"),
                            rs.getString("county_code"), rs.getString("industry_section"), rs.getString("industry_division"),
                            rs.getString("registration_type"), rs.getInt("baseline_headcount"), batchId));
                });
        return out;
    }

    /** Inserts the rows as FILED enterprises of the batch, in JDBC batches of {@value #CHUNK}. */
    public int insert(long batchId, List<Row> rows, Instant now) {
        requireAdmin();
        Timestamp created = Timestamp.from(now);
        List<Object[]> args = new ArrayList<>(Math.min(rows.size(), CHUNK));
        int n = 0;
        for (Row r : rows) {
            Timestamp filed = r.filedAt() == null ? created : Timestamp.from(r.filedAt());
            args.add(new Object[] {r.uscc(), r.orgCode(), r.name(), r.countyCode(), r.cityCode(), r.registrationType(),
                    r.industrySection(), r.industryDivision(), r.businessScope(), r.contactPerson(), r.address(), r.postcode(),
                    r.phone(), r.email(), r.baselineHeadcount(), filed, created, created, batchId});
            if (args.size() == CHUNK) {
                n += flush(args);
            }
        }
        return n + flush(args);
    }

    private int flush(List<Object[]> args) {
        if (args.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("insert into enterprise (uscc, org_code, name, county_code, city_code, registration_type, industry_section,"
                + " industry_division, business_scope, contact_person, address, postcode, phone, fax, email, baseline_headcount,"
                + " filing_state, filed_at, created_at, updated_at, version, import_batch_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, 'FILED', ?, ?, ?, 0, ?)", args);
        int n = args.size();
        args.clear();
        return n;
    }

    /** The ids of the batch's enterprises by USCC. */
    public Map<String, Long> idsOfBatch(long batchId) {
        requireAdmin();
        Map<String, Long> out = new HashMap<>();
        jdbc.query("select id, uscc from enterprise where import_batch_id = ?", rs -> {
            out.put(rs.getString(2), rs.getLong(1));
        }, batchId);
        return out;
    }

    /** What the batch put into the table, per city, as the database holds it now. */
    public List<CityTotal> totalsOfBatch(long batchId) {
        requireAdmin();
        return jdbc.query("select city_code, count(*), coalesce(sum(baseline_headcount), 0) from enterprise where import_batch_id = ?"
                + " group by city_code", (rs, n) -> new CityTotal(rs.getString(1), rs.getInt(2), rs.getLong(3)), batchId);
    }

    /**
     * Why the batch's enterprises cannot be removed: changed since the load (a filing change request, an edit) or used
     * by reports that users entered since. Empty when a rollback is safe. Each entry is "reason:count".
     */
    public List<String> blockers(long batchId) {
        requireAdmin();
        List<String> out = new ArrayList<>();
        count(out, "enterpriseChanged", "select count(*) from enterprise where import_batch_id = ? and version > 0", batchId);
        count(out, "filingRequests", "select count(*) from enterprise_filing_request f join enterprise e on e.id = f.enterprise_id"
                + " where e.import_batch_id = ?", batchId);
        count(out, "reportsEntered", "select count(*) from report r join enterprise e on e.id = r.enterprise_id"
                + " where e.import_batch_id = ? and (r.import_batch_id is null or r.import_batch_id <> e.import_batch_id)", batchId);
        return out;
    }

    /** Deletes the batch's enterprises (after its reports and users are gone). */
    public int deleteBatch(long batchId) {
        requireAdmin();
        return jdbc.update("delete from enterprise where import_batch_id = ?", batchId);
    }

    private void count(List<String> out, String reason, String sql, long batchId) {
        Integer n = jdbc.queryForObject(sql, Integer.class, batchId);
        if (n != null && n > 0) {
            out.add(reason + ":" + n);
        }
    }

    private void requireAdmin() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
    }
}
