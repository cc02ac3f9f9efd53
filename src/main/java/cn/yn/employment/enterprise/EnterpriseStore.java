package cn.yn.employment.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** SQL for the enterprise, filing request and filing version tables. No checks here: the services do them. */
@Repository
class EnterpriseStore {

    private final JdbcTemplate jdbc;

    EnterpriseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- enterprise ---------------------------------------------------------------------------------------

    long insertEnterprise(String uscc, String orgCode, String name, String countyCode, String cityCode,
                          String contactPerson, String phone, String email, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uscc", uscc);
        row.put("org_code", orgCode);
        row.put("name", name);
        row.put("county_code", countyCode);
        row.put("city_code", cityCode);
        row.put("contact_person", contactPerson);
        row.put("phone", phone);
        row.put("email", email);
        row.put("filing_state", FilingState.DRAFT.name());
        row.put("created_at", Timestamp.from(now));
        row.put("updated_at", Timestamp.from(now));
        row.put("version", 0);
        return insert("enterprise").usingColumns(row.keySet().toArray(String[]::new)).executeAndReturnKey(row).longValue();
    }

    Optional<EnterpriseView> findEnterprise(long id) {
        return jdbc.query("select * from enterprise where id = ?", ENTERPRISE, id).stream().findFirst();
    }

    /** Locks the enterprise row: serialises request creation and approval for one enterprise. */
    Optional<EnterpriseView> lockEnterprise(long id) {
        return jdbc.query("select * from enterprise where id = ? for update", ENTERPRISE, id).stream().findFirst();
    }

    boolean usccTaken(String uscc, Long exceptEnterpriseId) {
        Integer n = jdbc.queryForObject("select count(*) from enterprise where uscc = ? and id <> ?", Integer.class,
                uscc, exceptEnterpriseId == null ? -1L : exceptEnterpriseId);
        return n != null && n > 0;
    }

    List<EnterpriseView> searchEnterprises(String cityCode, String like, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select * from enterprise where 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (cityCode != null) {
            sql.append(" and city_code = ?");
            args.add(cityCode);
        }
        if (like != null) {
            sql.append(" and (lower(name) like ? or uscc like ?)");
            args.add(like);
            args.add(like.toUpperCase());
        }
        sql.append(" order by id desc limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), ENTERPRISE, args.toArray());
    }

    /** Every enterprise of a search, newest first, read with a streaming cursor (the Excel export). */
    void forEachEnterprise(String cityCode, String like, java.util.function.Consumer<EnterpriseView> sink) {
        StringBuilder sql = new StringBuilder("select * from enterprise where 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (cityCode != null) {
            sql.append(" and city_code = ?");
            args.add(cityCode);
        }
        if (like != null) {
            sql.append(" and (lower(name) like ? or uscc like ?)");
            args.add(like);
            args.add(like.toUpperCase());
        }
        sql.append(" order by id desc");
        int[] n = {0};
        jdbc.query(con -> {
            var ps = con.prepareStatement(sql.toString());
            ps.setFetchSize(500);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(ENTERPRISE.mapRow(rs, n[0]++)));
    }

    /** Names of the given enterprises (unknown ids are left out). */
    java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String in = String.join(",", ids.stream().map(i -> "?").toList());
        jdbc.query("select id, name from enterprise where id in (" + in + ")",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getLong("id"), rs.getString("name")),
                ids.toArray());
        return out;
    }

    void setEnterpriseState(long id, FilingState state, Instant now) {
        jdbc.update("update enterprise set filing_state = ?, updated_at = ?, version = version + 1 where id = ?",
                state.name(), Timestamp.from(now), id);
    }

    /** Writes an approved filing onto the enterprise row. */
    void applyFiling(long id, FilingRequestView r, Instant now, boolean firstFiling) {
        FilingData d = r.data();
        jdbc.update("update enterprise set uscc = ?, org_code = ?, name = ?, county_code = ?, city_code = ?,"
                        + " registration_type = ?, industry_section = ?, industry_division = ?, business_scope = ?,"
                        + " contact_person = ?, address = ?, postcode = ?, phone = ?, fax = ?, email = ?,"
                        + " baseline_headcount = ?, filing_state = ?, filed_at = " + (firstFiling ? "?" : "coalesce(filed_at, ?)")
                        + ", updated_at = ?, version = version + 1 where id = ?",
                d.uscc(), r.orgCode(), d.name(), d.countyCode(), r.cityCode(), d.registrationType(), r.industrySection(),
                d.industryDivision(), d.businessScope(), d.contactPerson(), d.address(), d.postcode(), d.phone(), d.fax(),
                d.email(), d.baselineHeadcount(), FilingState.FILED.name(), Timestamp.from(now), Timestamp.from(now), id);
    }

    // --- requests -----------------------------------------------------------------------------------------

    long insertRequest(long enterpriseId, RequestKind kind, FilingData d, String orgCode, String cityCode,
                       String industrySection, Instant now) {
        Map<String, Object> row = dataColumns(d, orgCode, cityCode, industrySection);
        row.put("enterprise_id", enterpriseId);
        row.put("kind", kind.name());
        row.put("state", RequestState.DRAFT.name());
        row.put("submit_count", 0);
        row.put("created_at", Timestamp.from(now));
        row.put("updated_at", Timestamp.from(now));
        row.put("version", 0);
        return insert("enterprise_filing_request").usingColumns(row.keySet().toArray(String[]::new)).executeAndReturnKey(row).longValue();
    }

    /** Updates the proposed values if the row is still at the expected version; false when someone else changed it. */
    boolean updateRequestData(long id, int expectedVersion, FilingData d, String orgCode, String cityCode,
                              String industrySection, Instant now) {
        return jdbc.update("update enterprise_filing_request set uscc = ?, org_code = ?, name = ?, county_code = ?, city_code = ?,"
                        + " registration_type = ?, industry_section = ?, industry_division = ?, business_scope = ?,"
                        + " contact_person = ?, address = ?, postcode = ?, phone = ?, fax = ?, email = ?, baseline_headcount = ?,"
                        + " updated_at = ?, version = version + 1 where id = ? and version = ?",
                d.uscc(), orgCode, d.name(), d.countyCode(), cityCode, d.registrationType(), industrySection,
                d.industryDivision(), d.businessScope(), d.contactPerson(), d.address(), d.postcode(), d.phone(), d.fax(),
                d.email(), d.baselineHeadcount(), Timestamp.from(now), id, expectedVersion) == 1;
    }

    void markSubmitted(long id, String by, Instant now) {
        jdbc.update("update enterprise_filing_request set submitted_at = ?, submitted_by = ?, submit_count = submit_count + 1,"
                        + " updated_at = ?, version = version + 1 where id = ?",
                Timestamp.from(now), by, Timestamp.from(now), id);
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.update("update enterprise_filing_request set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    void setRequestState(long id, RequestState state, Instant now) {
        jdbc.update("update enterprise_filing_request set state = ?, updated_at = ?, version = version + 1 where id = ?",
                state.name(), Timestamp.from(now), id);
    }

    void setReturnReason(long id, String reason, String by, Instant now) {
        jdbc.update("update enterprise_filing_request set return_reason = ?, returned_by = ?, updated_at = ?,"
                + " version = version + 1 where id = ?", reason, by, Timestamp.from(now), id);
    }

    void markApproved(long id, Instant now) {
        jdbc.update("update enterprise_filing_request set state = ?, decided_at = ?, updated_at = ?, version = version + 1"
                + " where id = ?", RequestState.APPROVED.name(), Timestamp.from(now), Timestamp.from(now), id);
    }

    Optional<FilingRequestView> findRequest(long id) {
        return jdbc.query("select * from enterprise_filing_request where id = ?", REQUEST, id).stream().findFirst();
    }

    /** The enterprise's request that is not yet approved, if any (at most one). */
    Optional<FilingRequestView> openRequest(long enterpriseId) {
        return jdbc.query("select * from enterprise_filing_request where enterprise_id = ? and state <> 'APPROVED'"
                + " order by id desc", REQUEST, enterpriseId).stream().findFirst();
    }

    List<FilingRequestView> requests(long enterpriseId) {
        return jdbc.query("select * from enterprise_filing_request where enterprise_id = ? order by id desc", REQUEST, enterpriseId);
    }

    // --- versions -----------------------------------------------------------------------------------------

    int insertVersion(FilingRequestView r, Instant now, String approvedBy) {
        Integer max = jdbc.queryForObject("select coalesce(max(version_no), 0) from enterprise_filing_version where enterprise_id = ?",
                Integer.class, r.enterpriseId());
        int next = (max == null ? 0 : max) + 1;
        Map<String, Object> row = dataColumns(r.data(), r.orgCode(), r.cityCode(), r.industrySection());
        row.put("enterprise_id", r.enterpriseId());
        row.put("version_no", next);
        row.put("request_id", r.id());
        row.put("kind", r.kind().name());
        row.put("approved_at", Timestamp.from(now));
        row.put("approved_by", approvedBy);
        new SimpleJdbcInsert(jdbc).withTableName("enterprise_filing_version").usingColumns(row.keySet().toArray(String[]::new))
                .execute(row);
        return next;
    }

    List<FilingVersionView> versions(long enterpriseId) {
        return jdbc.query("select * from enterprise_filing_version where enterprise_id = ? order by version_no desc",
                (rs, n) -> new FilingVersionView(rs.getLong("enterprise_id"), rs.getInt("version_no"), rs.getLong("request_id"),
                        RequestKind.valueOf(rs.getString("kind")), data(rs), rs.getString("org_code"), rs.getString("city_code"),
                        rs.getString("industry_section"), instant(rs, "approved_at"), rs.getString("approved_by")),
                enterpriseId);
    }

    private SimpleJdbcInsert insert(String table) {
        return new SimpleJdbcInsert(jdbc).withTableName(table).usingGeneratedKeyColumns("id");
    }

    // --- mapping ------------------------------------------------------------------------------------------

    private static Map<String, Object> dataColumns(FilingData d, String orgCode, String cityCode, String industrySection) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uscc", d.uscc());
        row.put("org_code", orgCode);
        row.put("name", d.name());
        row.put("county_code", d.countyCode());
        row.put("city_code", cityCode);
        row.put("registration_type", d.registrationType());
        row.put("industry_section", industrySection);
        row.put("industry_division", d.industryDivision());
        row.put("business_scope", d.businessScope());
        row.put("contact_person", d.contactPerson());
        row.put("address", d.address());
        row.put("postcode", d.postcode());
        row.put("phone", d.phone());
        row.put("fax", d.fax());
        row.put("email", d.email());
        row.put("baseline_headcount", d.baselineHeadcount());
        return row;
    }

    private static FilingData data(ResultSet rs) throws SQLException {
        return new FilingData(rs.getString("uscc"), rs.getString("name"), rs.getString("county_code"),
                rs.getString("registration_type"), rs.getString("industry_division"), rs.getString("business_scope"),
                rs.getString("contact_person"), rs.getString("address"), rs.getString("postcode"), rs.getString("phone"),
                rs.getString("fax"), rs.getString("email"), integer(rs, "baseline_headcount"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<EnterpriseView> ENTERPRISE = (rs, n) -> new EnterpriseView(rs.getLong("id"),
            rs.getString("uscc"), rs.getString("org_code"), rs.getString("name"), rs.getString("county_code"),
            rs.getString("city_code"), rs.getString("registration_type"), rs.getString("industry_section"),
            rs.getString("industry_division"), rs.getString("business_scope"), rs.getString("contact_person"),
            rs.getString("address"), rs.getString("postcode"), rs.getString("phone"), rs.getString("fax"),
            rs.getString("email"), integer(rs, "baseline_headcount"), FilingState.valueOf(rs.getString("filing_state")),
            instant(rs, "filed_at"), instant(rs, "updated_at"));

    private static final RowMapper<FilingRequestView> REQUEST = (rs, n) -> new FilingRequestView(rs.getLong("id"),
            rs.getLong("enterprise_id"), RequestKind.valueOf(rs.getString("kind")), RequestState.valueOf(rs.getString("state")),
            data(rs), rs.getString("org_code"), rs.getString("city_code"), rs.getString("industry_section"),
            rs.getString("process_instance_id"), instant(rs, "submitted_at"), rs.getString("submitted_by"),
            rs.getInt("submit_count"), instant(rs, "decided_at"), rs.getString("return_reason"), rs.getString("returned_by"),
            instant(rs, "updated_at"), rs.getInt("version"));
}
