package cn.yn.employment.report;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.ScopeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read model of the accepted reports of a period (省已通过 or 已上报部), with the filing facts the ministry needs, for
 * the national forwarding (上报部). Other modules read accepted reports through this class, never by SQL on
 * {@code report}/{@code enterprise}. Readers: the province (reviewer or leader with province scope) and system
 * jobs (scope SYSTEM).
 */
@Component
public class AcceptedReports {

    /** One accepted report as forwarded: the report items with the codes and labels it was filed with. */
    public record AcceptedReport(long reportId, int versionNo, String periodCode, String uscc, String enterpriseName,
                                 String cityCode, String countyCode, String industrySection, String industryDivision,
                                 String registrationType, int baselineHeadcount, Integer previousHeadcount, Integer headcount,
                                 Integer hired, Integer separated, Integer dispatched, String reductionType,
                                 String reductionTypeLabel, String reason1Code, String reason1Label, String reason1Note,
                                 String reason2Code, String reason2Label, String reason2Note, String reason3Code,
                                 String reason3Label, String reason3Note, String otherNote, String layoffWarningLevel,
                                 Instant submittedAt, Instant acceptedAt) {
    }

    private static final String ACCEPTED = "('ACCEPTED','FORWARDED')";
    private static final int FETCH_SIZE = 1000;
    private static final String IN_REVIEW = "('PENDING_CITY','PENDING_PROVINCE','RETURNED')";

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;

    AcceptedReports(JdbcTemplate jdbc, CurrentUserProvider currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Streams the period's accepted reports, ordered by city, county and USCC (stable for identical exports). */
    @Transactional(readOnly = true)
    public void forEach(String periodCode, Consumer<AcceptedReport> sink) {
        requireProvinceOrSystem();
        // the report keeps the filing's classification as it was at submission; rows written without it (loaded
        // history) fall back to the enterprise's current filing
        String sql = "select r.*, e.uscc as e_uscc, e.name as e_name, coalesce(r.industry_section, e.industry_section) as c_section,"
                + " coalesce(r.industry_division, e.industry_division) as c_division,"
                + " coalesce(r.registration_type, e.registration_type) as c_registration"
                + " from report r join enterprise e on e.id = r.enterprise_id"
                + " where r.period_code = ? and r.state in " + ACCEPTED + " order by r.city_code, r.county_code, e.uscc";
        // a fetch size inside the transaction makes the PostgreSQL driver read in batches instead of the whole period at once
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setFetchSize(FETCH_SIZE);
            ps.setString(1, periodCode);
            return ps;
        }, (RowCallbackHandler) rs -> sink.accept(map(rs)));
    }

    /** How many accepted reports the period has. */
    @Transactional(readOnly = true)
    public int count(String periodCode) {
        requireProvinceOrSystem();
        return jdbc.queryForObject("select count(*) from report where period_code = ? and state in " + ACCEPTED, Integer.class, periodCode);
    }

    /** How many of the period's reports are still in the review chain (under review or returned to the enterprise). */
    @Transactional(readOnly = true)
    public int countInReview(String periodCode) {
        requireProvinceOrSystem();
        return jdbc.queryForObject("select count(*) from report where period_code = ? and state in " + IN_REVIEW, Integer.class, periodCode);
    }

    private void requireProvinceOrSystem() {
        CurrentUser me = currentUser.require();
        boolean system = me.scope().type() == ScopeType.SYSTEM && me.roles().isEmpty();
        boolean province = me.scope().isProvince() && me.hasAny(Role.PROVINCE_REVIEWER, Role.LEADER);
        if (!system && !province) {
            throw new AccessDeniedException("accepted reports of the province: province scope or a system job");
        }
    }

    private static AcceptedReport map(ResultSet rs) throws SQLException {
        return new AcceptedReport(rs.getLong("id"), rs.getInt("version_no"), rs.getString("period_code"), rs.getString("e_uscc"),
                rs.getString("e_name"), rs.getString("city_code"), rs.getString("county_code"), rs.getString("c_section"),
                rs.getString("c_division"), rs.getString("c_registration"), rs.getInt("baseline_headcount"),
                integer(rs, "previous_headcount"), integer(rs, "headcount"), integer(rs, "hired"), integer(rs, "separated"),
                integer(rs, "dispatched"), rs.getString("reduction_type"), rs.getString("reduction_type_label"),
                rs.getString("reason1_code"), rs.getString("reason1_label"), rs.getString("reason1_note"),
                rs.getString("reason2_code"), rs.getString("reason2_label"), rs.getString("reason2_note"),
                rs.getString("reason3_code"), rs.getString("reason3_label"), rs.getString("reason3_note"),
                rs.getString("other_note"), rs.getString("layoff_warning_level"), instant(rs, "submitted_at"),
                instant(rs, "accepted_at"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
