package cn.yn.employment.period;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.reporting.ReportingStates;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chasing (催报) non-reporters: in-app notification, e-mail and SMS where the enterprise has them. Each enterprise is
 * chased at most once per CHASE_MIN_INTERVAL_MINUTES per period (an atomic conditional update), so a double click
 * sends once. Every chase is logged with recipients and channel outcomes.
 */
@Service
public class ChaseService {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final ParameterService parameters;
    private final EnterpriseMessenger messenger;
    private final AuditLog audit;
    private final PeriodCalendarService calendar;
    private final ProgressService progress;

    ChaseService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, ParameterService parameters,
                 EnterpriseMessenger messenger, AuditLog audit, PeriodCalendarService calendar, ProgressService progress) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.parameters = parameters;
        this.messenger = messenger;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Chases the given enterprises (those outside the user's scope are refused). */
    @Transactional
    public ChaseResult chase(String periodCode, Collection<Long> enterpriseIds) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER);
        PeriodCalendarService.CalendarPeriod p = calendar.period(periodCode);
        if (!"OPEN".equals(p.state()) && !"CLOSED".equals(p.state())) {
            throw new DomainException("calendar.chase.error.state");
        }
        Instant now = clock.instant();
        Timestamp ts = Timestamp.from(now);
        Timestamp threshold = Timestamp.from(now.minus(Duration.ofMinutes(parameters.getInt(Parameter.CHASE_MIN_INTERVAL_MINUTES))));
        int chased = 0;
        int throttled = 0;
        int submitted = 0;
        for (Long id : new LinkedHashSet<>(enterpriseIds)) {
            List<Map<String, Object>> e = jdbc.queryForList("select city_code, name from enterprise where id = ?", id);
            // another city's enterprise and an id that does not exist: the same answer
            String city = e.isEmpty() ? null : (String) e.get(0).get("city_code");
            if (city == null || !me.scope().coversCity(city)) {
                throw new NotFoundException("enterprise.notFound");
            }
            Integer done = jdbc.queryForObject("select count(*) from report where enterprise_id = ? and period_code = ?"
                    + " and state in " + ReportingStates.sqlIn(ReportingStates.REPORTED), Integer.class, id, periodCode);
            if (done != null && done > 0) {
                submitted++;
                continue;
            }
            int claimed = jdbc.update("update chase_throttle set last_chased_at = ? where period_code = ? and enterprise_id = ?"
                    + " and last_chased_at <= ?", ts, periodCode, id, threshold);
            if (claimed == 0) {
                claimed = jdbc.update("insert into chase_throttle (period_code, enterprise_id, last_chased_at) select ?, ?, ?"
                        + " where not exists (select 1 from chase_throttle where period_code = ? and enterprise_id = ?)",
                        periodCode, id, ts, periodCode, id);
            }
            if (claimed == 0) {
                throttled++;
                continue;
            }
            EnterpriseMessenger.Delivery d = messenger.send(id, NotificationService.CHASE, "calendar.chase.title",
                    "calendar.chase.body", "", periodCode, Times.format(calendar.endFor(p, city)));
            jdbc.update("insert into chase_log (period_code, enterprise_id, chased_by, chased_at, recipients, outcome)"
                    + " values (?, ?, ?, ?, ?, ?)", periodCode, id, me.username(), ts, d.recipients(), d.summary());
            chased++;
        }
        audit.record("CHASED", "survey_period", periodCode, null,
                Map.of("chased", chased, "throttled", throttled, "alreadySubmitted", submitted));
        return new ChaseResult(chased, throttled, submitted);
    }

    /** Chases every non-reporter of the city (or, for the province with cityCode null, of the province). */
    @Transactional
    public ChaseResult chaseAll(String periodCode, String cityCode) {
        List<Long> ids = progress.nonReporters(periodCode, cityCode, null).stream().map(NonReporter::enterpriseId).toList();
        return chase(periodCode, ids);
    }

    /** The chase log of a period, newest first, limited to the user's city for a city reviewer. */
    @Transactional(readOnly = true)
    public List<ChaseLogEntry> log(String periodCode) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER);
        String city = me.scope().type() == ScopeType.PROVINCE ? null : me.scope().cityCode();
        return jdbc.query("select c.id, c.period_code, c.enterprise_id, e.name, c.chased_by, c.chased_at, c.recipients, c.outcome"
                        + " from chase_log c join enterprise e on e.id = c.enterprise_id where c.period_code = ?"
                        + (city == null ? "" : " and e.city_code = ?") + " order by c.chased_at desc, c.id desc limit 1000",
                (rs, n) -> new ChaseLogEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8)),
                city == null ? new Object[] {periodCode} : new Object[] {periodCode, city});
    }
}
