package cn.yn.employment.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** SQL for the report tables; no security here (callers check). */
@Component
class ReportStore {

    static final String SELECT = "select r.*, e.name as enterprise_name, e.uscc as enterprise_uscc from report r"
            + " join enterprise e on e.id = r.enterprise_id ";

    private final JdbcTemplate jdbc;

    ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The enterprise facts a report needs (from the filing). */
    record Enterprise(long id, String name, String uscc, String cityCode, String countyCode, String industrySection,
                      String industryDivision, String registrationType, Integer baselineHeadcount, String filingState) {
        boolean filed() {
            return "FILED".equals(filingState);
        }
    }

    Optional<Enterprise> enterprise(long id) {
        return jdbc.query("select * from enterprise where id = ?", (rs, n) -> new Enterprise(rs.getLong("id"),
                rs.getString("name"), rs.getString("uscc"), rs.getString("city_code"), rs.getString("county_code"),
                rs.getString("industry_section"), rs.getString("industry_division"), rs.getString("registration_type"),
                (Integer) rs.getObject("baseline_headcount", Integer.class), rs.getString("filing_state")), id).stream().findFirst();
    }

    Optional<ReportView> find(long id) {
        return jdbc.query(SELECT + "where r.id = ?", ReportStore::map, id).stream().findFirst();
    }

    /** Locks the report row for the rest of the transaction (serialises submit/withdraw on one report). */
    Optional<ReportView> lock(long id) {
        jdbc.query("select id from report where id = ? for update", (rs, n) -> rs.getLong(1), id);
        return find(id);
    }

    Optional<ReportView> find(long enterpriseId, String periodCode) {
        return jdbc.query(SELECT + "where r.enterprise_id = ? and r.period_code = ?", ReportStore::map, enterpriseId, periodCode)
                .stream().findFirst();
    }

    List<ReportView> byEnterprise(long enterpriseId) {
        return jdbc.query(SELECT + "where r.enterprise_id = ? order by r.period_code desc", ReportStore::map, enterpriseId);
    }

    /** The headcount of the latest accepted (or forwarded) report before a period. */
    Optional<Integer> previousAccepted(long enterpriseId, String periodCode) {
        return jdbc.query("select headcount from report where enterprise_id = ? and period_code < ? and state in ('ACCEPTED', 'FORWARDED')"
                + " and headcount is not null order by period_code desc limit 1", (rs, n) -> rs.getInt(1), enterpriseId, periodCode)
                .stream().findFirst();
    }

    /** Accepted headcounts by period code for the given codes. */
    java.util.Map<String, Integer> acceptedHeadcounts(long enterpriseId, List<String> codes) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        String in = String.join(",", java.util.Collections.nCopies(codes.size(), "?"));
        Object[] args = new Object[codes.size() + 1];
        args[0] = enterpriseId;
        for (int i = 0; i < codes.size(); i++) {
            args[i + 1] = codes.get(i);
        }
        jdbc.query("select period_code, headcount from report where enterprise_id = ? and state in ('ACCEPTED', 'FORWARDED')"
                + " and headcount is not null and period_code in (" + in + ")", rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                }, args);
        return out;
    }

    long insertDraft(Enterprise e, String periodCode, int baseline, Integer previous, Instant now) {
        jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, industry_section, industry_division,"
                        + " registration_type, state, baseline_headcount, previous_headcount, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)",
                e.id(), periodCode, e.cityCode(), e.countyCode(), e.industrySection(), e.industryDivision(),
                e.registrationType(), baseline, previous, Timestamp.from(now), Timestamp.from(now));
        return jdbc.queryForObject("select id from report where enterprise_id = ? and period_code = ?", Long.class, e.id(), periodCode);
    }

    void updateForm(long id, ReportForm f, Labels labels, Integer previous, Instant now) {
        jdbc.update("update report set headcount = ?, hired = ?, separated = ?, dispatched = ?, reduction_type = ?,"
                        + " reduction_type_label = ?, reason1_code = ?, reason1_label = ?, reason1_note = ?, reason2_code = ?,"
                        + " reason2_label = ?, reason2_note = ?, reason3_code = ?, reason3_label = ?, reason3_note = ?, other_note = ?,"
                        + " previous_headcount = ?, updated_at = ?, lock_version = lock_version + 1 where id = ?",
                f.headcount(), f.hired(), f.separated(), f.dispatched(), f.reductionType(), labels.type(), f.reason1Code(),
                labels.reason1(), f.reason1Note(), f.reason2Code(), labels.reason2(), f.reason2Note(), f.reason3Code(),
                labels.reason3(), f.reason3Note(), f.otherNote(), previous, Timestamp.from(now), id);
    }

    void updateFiling(long id, Enterprise e, int baseline) {
        jdbc.update("update report set city_code = ?, county_code = ?, industry_section = ?, industry_division = ?,"
                        + " registration_type = ?, baseline_headcount = ? where id = ?",
                e.cityCode(), e.countyCode(), e.industrySection(), e.industryDivision(), e.registrationType(), baseline, id);
    }

    void markSubmitted(long id, int versionNo, List<String> warningCodes, String explanation, Instant now) {
        jdbc.update("update report set version_no = ?, warning_codes = ?, warning_explanation = ?, has_warnings = ?,"
                        + " submitted_at = ?, updated_at = ? where id = ?",
                versionNo, warningCodes.isEmpty() ? null : String.join(",", warningCodes),
                warningCodes.isEmpty() ? null : explanation, !warningCodes.isEmpty(), Timestamp.from(now), Timestamp.from(now), id);
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.update("update report set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    void setState(long id, ReportState state, Instant now) {
        jdbc.update("update report set state = ?, updated_at = ? where id = ?", state.name(), Timestamp.from(now), id);
    }

    void setReturned(long id, String reason, String by, Instant now) {
        jdbc.update("update report set return_reason = ?, returned_by = ?, returned_at = ? where id = ?",
                reason, by, now == null ? null : Timestamp.from(now), id);
    }

    void setAccepted(long id, String layoffLevel, Instant now) {
        jdbc.update("update report set state = 'ACCEPTED', accepted_at = ?, layoff_warning_level = ?, return_reason = null,"
                + " returned_by = null, returned_at = null, updated_at = ? where id = ?", Timestamp.from(now), layoffLevel, Timestamp.from(now), id);
    }

    void insertVersion(long reportId, int versionNo, String json, Instant at, String by) {
        jdbc.update("insert into report_version (report_id, version_no, data_json, submitted_at, submitted_by) values (?, ?, ?, ?, ?)",
                reportId, versionNo, json, Timestamp.from(at), by);
    }

    record VersionRow(long reportId, int versionNo, String json, Instant submittedAt, String submittedBy) {
    }

    List<VersionRow> versions(long reportId) {
        return jdbc.query("select * from report_version where report_id = ? order by version_no", (rs, n) -> new VersionRow(
                rs.getLong("report_id"), rs.getInt("version_no"), rs.getString("data_json"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by")), reportId);
    }

    void insertEvent(long reportId, int versionNo, Instant at, String actor, String action, String comment) {
        jdbc.update("insert into report_event (report_id, version_no, occurred_at, actor, action, comment) values (?, ?, ?, ?, ?, ?)",
                reportId, versionNo, Timestamp.from(at), actor, action, comment);
    }

    List<ReportEvent> events(long reportId) {
        return jdbc.query("select * from report_event where report_id = ? order by occurred_at, id", (rs, n) -> new ReportEvent(
                rs.getLong("report_id"), rs.getInt("version_no"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("comment")), reportId);
    }

    Optional<ReportEvent> lastEvent(long reportId) {
        return jdbc.query("select * from report_event where report_id = ? order by occurred_at desc, id desc limit 1",
                (rs, n) -> new ReportEvent(rs.getLong("report_id"), rs.getInt("version_no"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("comment")), reportId).stream().findFirst();
    }

    void replaceLayoffWarning(ReportView r, String level, int previous, int headcount, int decrease, java.math.BigDecimal rate, Instant now) {
        jdbc.update("delete from layoff_warning where report_id = ?", r.id());
        if (level != null) {
            jdbc.update("insert into layoff_warning (report_id, enterprise_id, period_code, city_code, county_code, level,"
                            + " previous_headcount, headcount, decrease, decrease_rate, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.id(), r.enterpriseId(), r.periodCode(), r.cityCode(), r.countyCode(), level, previous, headcount, decrease,
                    rate, Timestamp.from(now));
        }
    }

    void clearLayoffWarning(long reportId) {
        jdbc.update("delete from layoff_warning where report_id = ?", reportId);
        jdbc.update("update report set layoff_warning_level = null where id = ?", reportId);
    }

    record Labels(String type, String reason1, String reason2, String reason3) {
    }

    static ReportView map(ResultSet rs, int n) throws SQLException {
        ReportForm form = new ReportForm(rs.getObject("headcount", Integer.class), rs.getObject("hired", Integer.class),
                rs.getObject("separated", Integer.class), rs.getObject("dispatched", Integer.class),
                rs.getString("reduction_type"), rs.getString("reason1_code"), rs.getString("reason1_note"),
                rs.getString("reason2_code"), rs.getString("reason2_note"), rs.getString("reason3_code"),
                rs.getString("reason3_note"), rs.getString("other_note"));
        String codes = rs.getString("warning_codes");
        return new ReportView(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("enterprise_uscc"), rs.getString("period_code"), rs.getString("city_code"),
                rs.getString("county_code"), rs.getString("industry_section"), rs.getString("industry_division"),
                rs.getString("registration_type"), ReportState.valueOf(rs.getString("state")), rs.getInt("baseline_headcount"),
                rs.getObject("previous_headcount", Integer.class), form, rs.getString("reduction_type_label"),
                rs.getString("reason1_label"), rs.getString("reason2_label"), rs.getString("reason3_label"),
                codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(",")),
                rs.getString("warning_explanation"), rs.getBoolean("has_warnings"), rs.getString("layoff_warning_level"),
                rs.getInt("version_no"), rs.getString("process_instance_id"), instant(rs, "submitted_at"),
                instant(rs, "accepted_at"), instant(rs, "updated_at"), rs.getString("return_reason"), rs.getString("returned_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
