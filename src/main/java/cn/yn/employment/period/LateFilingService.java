package cn.yn.employment.period;

import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.reporting.ReportingStates;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.period.internal.EnterpriseMessenger;
import cn.yn.employment.period.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Late filing (补报): after a period closes the province grants enterprises a window to submit anyway (default
 * LATE_FILING_DEFAULT_HOURS, at most LATE_FILING_MAX_DAYS). {@link #activeGrant} is what the report module's
 * submit check consults; grants expire by time (checked on every call) and are marked EXPIRED by the expiry job.
 */
@Service
public class LateFilingService implements SubmissionGrant {

    private static final String COLUMNS = "g.id, g.period_code, g.enterprise_id, e.name, e.city_code, g.granted_by, g.granted_at,"
            + " g.expires_at, g.reason, g.state";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final ParameterService parameters;
    private final EnterpriseMessenger messenger;

    LateFilingService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, AuditLog audit,
                      ParameterService parameters, EnterpriseMessenger messenger) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.audit = audit;
        this.parameters = parameters;
        this.messenger = messenger;
    }

    /** The grant that lets this enterprise submit this period's report now, if any. No user check: a lookup for the submit rule. */
    @Transactional(readOnly = true)
    public Optional<LateFilingGrant> activeGrant(long enterpriseId, String periodCode) {
        return activeGrantAt(enterpriseId, periodCode, clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<LateFilingGrant> activeGrantAt(long enterpriseId, String periodCode, Instant at) {
        Timestamp ts = Timestamp.from(at);
        return jdbc.query("select " + COLUMNS + " from late_filing_grant g join enterprise e on e.id = g.enterprise_id"
                        + " where g.enterprise_id = ? and g.period_code = ? and g.state = 'ACTIVE' and g.granted_at <= ?"
                        + " and g.expires_at > ? order by g.expires_at desc", this::map, enterpriseId, periodCode, ts, ts)
                .stream().findFirst();
    }

    /** {@link SubmissionGrant}: {@link PeriodService#canSubmit} accepts a submission after the window under an active grant. */
    @Override
    public boolean allows(String periodCode, long enterpriseId, Instant at) {
        return activeGrantAt(enterpriseId, periodCode, at).isPresent();
    }

    public int defaultHours() {
        return parameters.getInt(Parameter.LATE_FILING_DEFAULT_HOURS);
    }

    public int maxHours() {
        return parameters.getInt(Parameter.LATE_FILING_MAX_DAYS) * 24;
    }

    /**
     * Grants each enterprise {@code hours} from now to submit the closed period (replacing an active grant). Skips
     * enterprises that already have a submitted report. Province only. Returns the grants made.
     */
    @Transactional
    public List<LateFilingGrant> grant(String periodCode, Collection<Long> enterpriseIds, int hours, String input) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        String reason = TextInput.checked("reason", input);
        List<FieldError> errors = new ArrayList<>();
        String state = jdbc.queryForList("select state from survey_period where code = ?", String.class, periodCode)
                .stream().findFirst().orElse(null);
        if (!"CLOSED".equals(state)) {
            errors.add(new FieldError("period", "calendar.grant.error.notClosed"));
        }
        if (enterpriseIds == null || enterpriseIds.isEmpty()) {
            errors.add(new FieldError("enterprises", "calendar.grant.error.none"));
        }
        if (hours < 1 || hours > maxHours()) {
            errors.add(new FieldError("hours", "calendar.grant.error.hours", maxHours()));
        }
        if (reason != null && reason.length() > 500) {
            errors.add(new FieldError("reason", "calendar.grant.error.reason"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException("calendar.grant.error.invalid", errors);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofHours(hours));
        List<LateFilingGrant> made = new ArrayList<>();
        for (Long enterpriseId : new java.util.LinkedHashSet<>(enterpriseIds)) {
            Integer submitted = jdbc.queryForObject("select count(*) from report where enterprise_id = ? and period_code = ?"
                    + " and state in " + ReportingStates.sqlIn(ReportingStates.REPORTED), Integer.class, enterpriseId, periodCode);
            Integer filed = jdbc.queryForObject("select count(*) from enterprise where id = ? and filing_state = 'FILED'",
                    Integer.class, enterpriseId);
            if (submitted != null && submitted > 0 || filed == null || filed == 0) {
                continue;
            }
            jdbc.update("update late_filing_grant set state = 'REVOKED', closed_at = ? where enterprise_id = ? and period_code = ?"
                    + " and state = 'ACTIVE'", Timestamp.from(now), enterpriseId, periodCode);
            jdbc.update("insert into late_filing_grant (period_code, enterprise_id, granted_by, granted_at, expires_at, reason, state)"
                            + " values (?, ?, ?, ?, ?, ?, 'ACTIVE')", periodCode, enterpriseId, me.username(),
                    Timestamp.from(now), Timestamp.from(expires), reason == null || reason.isBlank() ? null : reason.trim());
            LateFilingGrant g = activeGrantAt(enterpriseId, periodCode, now).orElseThrow();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("period", periodCode);
            after.put("enterpriseId", enterpriseId);
            after.put("expiresAt", expires.toString());
            after.put("reason", g.reason());
            audit.record("LATE_FILING_GRANTED", "late_filing_grant", Long.toString(g.id()), null, after);
            messenger.send(enterpriseId, NotificationService.GRANT, "calendar.grant.notify.title", "calendar.grant.notify.body",
                    "", periodCode, Times.format(expires));
            made.add(g);
        }
        return made;
    }

    @Transactional
    public void revoke(long grantId) {
        Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        int n = jdbc.update("update late_filing_grant set state = 'REVOKED', closed_at = ? where id = ? and state = 'ACTIVE'",
                Timestamp.from(clock.instant()), grantId);
        if (n == 0) {
            throw new DomainException("calendar.grant.error.notActive");
        }
        audit.record("LATE_FILING_REVOKED", "late_filing_grant", Long.toString(grantId), Map.of("state", "ACTIVE"),
                Map.of("state", "REVOKED"));
    }

    /** The grants of a period, newest first. Province (all) or city reviewer (its city). */
    @Transactional(readOnly = true)
    public List<LateFilingGrant> grants(String periodCode) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER);
        String city = me.scope().type() == ScopeType.PROVINCE ? null : me.scope().cityCode();
        if (city == null && me.scope().type() != ScopeType.PROVINCE) {
            throw new AccessDeniedException("no scope");
        }
        return jdbc.query("select " + COLUMNS + " from late_filing_grant g join enterprise e on e.id = g.enterprise_id"
                        + " where g.period_code = ?" + (city == null ? "" : " and e.city_code = '" + city.replace("'", "") + "'")
                        + " order by g.granted_at desc, g.id desc", this::map, periodCode);
    }

    /** The signed-in enterprise's grants that are active now (for its home page). */
    @Transactional(readOnly = true)
    public List<LateFilingGrant> myActiveGrants() {
        CurrentUser me = currentUser.require();
        Long enterpriseId = me.scope().enterpriseId();
        if (enterpriseId == null) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("select " + COLUMNS + " from late_filing_grant g join enterprise e on e.id = g.enterprise_id"
                + " where g.enterprise_id = ? and g.state = 'ACTIVE' and g.granted_at <= ? and g.expires_at > ?"
                + " order by g.expires_at", this::map, enterpriseId, now, now);
    }

    /** Job: ACTIVE grants past their expiry become EXPIRED. Idempotent. Returns how many expired. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("select id from late_filing_grant where state = 'ACTIVE' and expires_at <= ?",
                Long.class, Timestamp.from(now));
        for (Long id : due) {
            int n = jdbc.update("update late_filing_grant set state = 'EXPIRED', closed_at = ? where id = ? and state = 'ACTIVE'",
                    Timestamp.from(now), id);
            if (n > 0) {
                audit.recordAs(PeriodCalendarService.SYSTEM, "LATE_FILING_EXPIRED", "late_filing_grant", Long.toString(id),
                        Map.of("state", "ACTIVE"), Map.of("state", "EXPIRED"));
            }
        }
        return due.size();
    }

    private LateFilingGrant map(ResultSet rs, int n) throws SQLException {
        return new LateFilingGrant(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9),
                LateFilingGrant.State.valueOf(rs.getString(10)));
    }
}
