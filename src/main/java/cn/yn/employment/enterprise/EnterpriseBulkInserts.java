package cn.yn.employment.enterprise;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk insert of synthetic filed enterprises, for the demo data and the province-scale data generator (the legacy
 * migration has its own, batch-tagged {@link EnterpriseBulkLoad}): JDBC batches inside the caller's transaction, no
 * filing chain. A system administrator or a system job only. The one writer of {@code enterprise} besides this
 * module's services, so the table keeps one owner (docs/adr/0006).
 */
@Component
public class EnterpriseBulkInserts {

    /** Rows per JDBC batch. */
    public static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;

    EnterpriseBulkInserts(JdbcTemplate jdbc, CurrentUserProvider currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** An enterprise as filed (备案), with its filing, creation and last-change times. */
    public record FiledEnterprise(String uscc, String orgCode, String name, String countyCode, String cityCode,
                                  String registrationType, String industrySection, String industryDivision, String businessScope,
                                  String contactPerson, String address, String postcode, String phone, String email,
                                  int baselineHeadcount, Instant filedAt, Instant createdAt, Instant updatedAt) {
    }

    /** Inserts the rows as FILED enterprises in JDBC batches of {@value #BATCH}; returns how many. */
    public int insertFiled(List<FiledEnterprise> rows) {
        Access.requireAdminOrSystemJob(currentUser.require());
        jdbc.batchUpdate("insert into enterprise (uscc, org_code, name, county_code, city_code, registration_type, industry_section,"
                        + " industry_division, business_scope, contact_person, address, postcode, phone, email, baseline_headcount,"
                        + " filing_state, filed_at, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'FILED',?,?,?)",
                rows, BATCH, (ps, e) -> {
                    ps.setString(1, e.uscc());
                    ps.setString(2, e.orgCode());
                    ps.setString(3, e.name());
                    ps.setString(4, e.countyCode());
                    ps.setString(5, e.cityCode());
                    ps.setString(6, e.registrationType());
                    ps.setString(7, e.industrySection());
                    ps.setString(8, e.industryDivision());
                    ps.setString(9, e.businessScope());
                    ps.setString(10, e.contactPerson());
                    ps.setString(11, e.address());
                    ps.setString(12, e.postcode());
                    ps.setString(13, e.phone());
                    ps.setString(14, e.email());
                    ps.setInt(15, e.baselineHeadcount());
                    ps.setTimestamp(16, Timestamp.from(e.filedAt()));
                    ps.setTimestamp(17, Timestamp.from(e.createdAt()));
                    ps.setTimestamp(18, Timestamp.from(e.updatedAt()));
                });
        return rows.size();
    }

    /** Every enterprise's id by USCC. */
    public Map<String, Long> idsByUscc() {
        Access.requireAdminOrSystemJob(currentUser.require());
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select id, uscc from enterprise", rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        return ids;
    }

    /** How many enterprises there are. */
    public long count() {
        Access.requireAdminOrSystemJob(currentUser.require());
        Long n = jdbc.queryForObject("select count(*) from enterprise", Long.class);
        return n == null ? 0 : n;
    }
}
