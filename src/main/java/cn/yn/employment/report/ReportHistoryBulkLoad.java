package cn.yn.employment.report;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk insert of historical monthly reports for the legacy data migration: ACCEPTED history with the original
 * submission and acceptance times, no review chain (no process instance, no inbox rows), in JDBC batches inside the
 * caller's transaction; every row tagged with the import batch id for reconciliation and rollback. System
 * administrators only.
 */
@Component
public class ReportHistoryBulkLoad {

    static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;

    ReportHistoryBulkLoad(JdbcTemplate jdbc, CurrentUserProvider currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** One accepted report; the classification columns are copied from the enterprise as at submission. */
    public record Row(long enterpriseId, String periodCode, String cityCode, String countyCode, String industrySection,
                      String industryDivision, String registrationType, int baselineHeadcount, int headcount, Integer hired,
                      Integer separated, String reductionType, String reductionTypeLabel, String reason1Code,
                      String reason1Label, String reason1Note, Instant submittedAt, Instant acceptedAt) {
    }

    /** Rows, headcounts at period end and reductions (本期减员) of one batch in one city and period. */
    public record Total(String cityCode, String periodCode, int rows, long headcount, long separated) {
    }

    /** The key of a report: enterprise id × 1,000,000 + yyyymm, e.g. 42_202403. */
    public static long key(long enterpriseId, String periodCode) {
        return enterpriseId * 1_000_000L + Integer.parseInt(periodCode.substring(0, 4) + periodCode.substring(5, 7));
    }

    /** The keys ({@link #key}) of every report in the database, whatever its state. */
    public Set<Long> existingKeys() {
        requireAdmin();
        Set<Long> out = new HashSet<>();
        jdbc.query("select enterprise_id, period_code from report", rs -> {
            out.add(key(rs.getLong(1), rs.getString(2)));
        });
        return out;
    }

    /** Inserts the rows as ACCEPTED reports of the batch, in JDBC batches of {@value #CHUNK}. */
    public int insert(long batchId, List<Row> rows) {
        requireAdmin();
        List<Object[]> args = new ArrayList<>(Math.min(rows.size(), CHUNK));
        int n = 0;
        for (Row r : rows) {
            Timestamp submitted = Timestamp.from(r.submittedAt());
            Timestamp accepted = Timestamp.from(r.acceptedAt());
            args.add(new Object[] {r.enterpriseId(), r.periodCode(), r.cityCode(), r.countyCode(), r.industrySection(),
                    r.industryDivision(), r.registrationType(), r.baselineHeadcount(), r.headcount(), r.hired(), r.separated(),
                    r.reductionType(), r.reductionTypeLabel(), r.reason1Code(), r.reason1Label(), r.reason1Note(),
                    submitted, accepted, submitted, accepted, batchId});
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
        jdbc.batchUpdate("insert into report (enterprise_id, period_code, city_code, county_code, industry_section, industry_division,"
                + " registration_type, state, baseline_headcount, headcount, hired, separated, reduction_type, reduction_type_label,"
                + " reason1_code, reason1_label, reason1_note, has_warnings, version_no, submitted_at, accepted_at, created_at,"
                + " updated_at, lock_version, import_batch_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 1, ?, ?, ?, ?, 0, ?)", args);
        int n = args.size();
        args.clear();
        return n;
    }

    /**
     * Sets 上期就业人数 of the batch's reports to the headcount of the enterprise's latest earlier accepted report, as the
     * review chain would have; after all rows are in, so the file's row order does not matter.
     */
    public int fillPreviousHeadcounts(long batchId) {
        requireAdmin();
        return jdbc.update("update report set previous_headcount = (select p.headcount from report p where p.enterprise_id = report.enterprise_id"
                + " and p.period_code < report.period_code and p.state in ('ACCEPTED', 'FORWARDED') and p.headcount is not null"
                + " order by p.period_code desc limit 1) where import_batch_id = ?", batchId);
    }

    /** What the batch put into the table, per city and period, as the database holds it now. */
    public List<Total> totalsOfBatch(long batchId) {
        requireAdmin();
        return jdbc.query("select city_code, period_code, count(*), coalesce(sum(headcount), 0), coalesce(sum(separated), 0)"
                + " from report where import_batch_id = ? group by city_code, period_code",
                (rs, n) -> new Total(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)), batchId);
    }

    /**
     * Why the batch's reports cannot be removed: edited, reopened for correction, submitted or forwarded since the
     * load. Empty when a rollback is safe. Each entry is "reason:count".
     */
    public List<String> blockers(long batchId) {
        requireAdmin();
        List<String> out = new ArrayList<>();
        Integer changed = jdbc.queryForObject("select count(*) from report where import_batch_id = ? and (state <> 'ACCEPTED'"
                + " or lock_version > 0 or version_no > 1 or process_instance_id is not null)", Integer.class, batchId);
        if (changed != null && changed > 0) {
            out.add("reportChanged:" + changed);
        }
        Integer touched = jdbc.queryForObject("select count(*) from report r where r.import_batch_id = ? and (exists (select 1 from"
                + " report_version v where v.report_id = r.id) or exists (select 1 from report_event e where e.report_id = r.id)"
                + " or exists (select 1 from layoff_warning w where w.report_id = r.id))", Integer.class, batchId);
        if (touched != null && touched > 0) {
            out.add("reportHistory:" + touched);
        }
        return out;
    }

    /** Deletes the batch's reports. */
    public int deleteBatch(long batchId) {
        requireAdmin();
        return jdbc.update("delete from report where import_batch_id = ?", batchId);
    }

    private void requireAdmin() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
    }
}
