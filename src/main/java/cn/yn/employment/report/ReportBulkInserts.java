package cn.yn.employment.report;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk insert of synthetic accepted report history and its layoff warnings, for the province-scale data generator
 * (the legacy migration has its own, batch-tagged {@link ReportHistoryBulkLoad}): JDBC batches inside the caller's
 * transaction, no process instances. A system administrator or a system job only. Keeps {@code report} and
 * {@code layoff_warning} written by their owner alone (docs/adr/0006).
 */
@Component
public class ReportBulkInserts {

    /** Rows per JDBC batch. */
    public static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;

    ReportBulkInserts(JdbcTemplate jdbc, CurrentUserProvider currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** An accepted report as the review chain would have left it; {@code at} is its submission, acceptance and creation time. */
    public record AcceptedReport(long enterpriseId, String periodCode, String cityCode, String countyCode, String industrySection,
                                 String industryDivision, String registrationType, int baselineHeadcount, Integer previousHeadcount,
                                 int headcount, int hired, int separated, String reductionType, String reductionTypeLabel,
                                 String reason1Code, String reason1Label, String reason1Note, Instant at) {
    }

    /** A layoff warning (domain.md §6) of an enterprise's accepted report of the period. */
    public record LayoffWarning(long enterpriseId, String cityCode, String countyCode, String level, int previousHeadcount,
                                int headcount, int decrease, BigDecimal decreaseRate, Instant createdAt) {
    }

    /** Inserts ACCEPTED reports (version 1, no warnings of the soft rules) in JDBC batches of {@value #BATCH}. */
    public int insertAccepted(List<AcceptedReport> rows) {
        Access.requireAdminOrSystemJob(currentUser.require());
        jdbc.batchUpdate("insert into report (enterprise_id, period_code, city_code, county_code, industry_section, industry_division,"
                        + " registration_type, state, baseline_headcount, previous_headcount, headcount, hired, separated,"
                        + " reduction_type, reduction_type_label, reason1_code, reason1_label, reason1_note, has_warnings, version_no,"
                        + " submitted_at, accepted_at, created_at, updated_at, lock_version)"
                        + " values (?,?,?,?,?,?,?,'ACCEPTED',?,?,?,?,?,?,?,?,?,?,false,1,?,?,?,?,0)",
                rows, BATCH, (ps, r) -> {
                    ps.setLong(1, r.enterpriseId());
                    ps.setString(2, r.periodCode());
                    ps.setString(3, r.cityCode());
                    ps.setString(4, r.countyCode());
                    ps.setString(5, r.industrySection());
                    ps.setString(6, r.industryDivision());
                    ps.setString(7, r.registrationType());
                    ps.setInt(8, r.baselineHeadcount());
                    ps.setObject(9, r.previousHeadcount(), Types.INTEGER);
                    ps.setInt(10, r.headcount());
                    ps.setInt(11, r.hired());
                    ps.setInt(12, r.separated());
                    ps.setString(13, r.reductionType());
                    ps.setString(14, r.reductionTypeLabel());
                    ps.setString(15, r.reason1Code());
                    ps.setString(16, r.reason1Label());
                    ps.setString(17, r.reason1Note());
                    Timestamp at = Timestamp.from(r.at());
                    ps.setTimestamp(18, at);
                    ps.setTimestamp(19, at);
                    ps.setTimestamp(20, at);
                    ps.setTimestamp(21, at);
                });
        return rows.size();
    }

    /**
     * Inserts the period's layoff warnings, each for the enterprise's report of that period (inserted before), and
     * copies the level onto those reports, as the acceptance would have.
     */
    public int insertLayoffWarnings(String periodCode, List<LayoffWarning> rows) {
        Access.requireAdminOrSystemJob(currentUser.require());
        if (rows.isEmpty()) {
            return 0;
        }
        Map<Long, Long> reportIds = new HashMap<>();
        jdbc.query("select enterprise_id, id from report where period_code = ?", rs -> {
            reportIds.put(rs.getLong(1), rs.getLong(2));
        }, periodCode);
        jdbc.batchUpdate("insert into layoff_warning (report_id, enterprise_id, period_code, city_code, county_code, level,"
                        + " previous_headcount, headcount, decrease, decrease_rate, created_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                rows, BATCH, (ps, w) -> {
                    ps.setLong(1, reportIds.get(w.enterpriseId()));
                    ps.setLong(2, w.enterpriseId());
                    ps.setString(3, periodCode);
                    ps.setString(4, w.cityCode());
                    ps.setString(5, w.countyCode());
                    ps.setString(6, w.level());
                    ps.setInt(7, w.previousHeadcount());
                    ps.setInt(8, w.headcount());
                    ps.setInt(9, w.decrease());
                    ps.setBigDecimal(10, w.decreaseRate());
                    ps.setTimestamp(11, Timestamp.from(w.createdAt()));
                });
        jdbc.update("update report set layoff_warning_level = (select w.level from layoff_warning w where w.report_id = report.id)"
                + " where period_code = ? and id in (select report_id from layoff_warning where period_code = ?)", periodCode, periodCode);
        return rows.size();
    }
}
