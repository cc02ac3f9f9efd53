package cn.yn.employment.period;

import cn.yn.employment.common.reporting.ReportingCounts;
import cn.yn.employment.common.reporting.ReportingStates;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.ScopeType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting progress (上报进度) by grouped SQL over enterprise and report: the province sees each city, a city
 * reviewer (or city leader) each county of its city; drill-down lists the non-reporters with their contacts.
 */
@Service
public class ProgressService {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final PeriodCalendarService calendar;

    ProgressService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, PeriodCalendarService calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.calendar = calendar;
    }

    /** Province view: one row per city. */
    @Transactional(readOnly = true)
    public List<ProgressRow> byCity(String periodCode) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER, Role.LEADER);
        if (me.scope().type() != ScopeType.PROVINCE) {
            throw new AccessDeniedException("province view");
        }
        return rows(periodCode, CITY, null);
    }

    /** City view: one row per county of the city. */
    @Transactional(readOnly = true)
    public List<ProgressRow> byCounty(String periodCode, String cityCode) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER, Role.LEADER);
        Access.requireCity(me, cityCode);
        return rows(periodCode, COUNTY, cityCode);
    }

    /**
     * A report row of the period (joined as {@code r}), or a filed enterprise without one that was filed before the
     * period's window ended: the enterprises 应报 counts (the same rule as the statistics, docs/domain.md §7).
     * Arguments: the period code.
     */
    static final String DUE = "(r.id is not null or (e.filing_state = 'FILED' and not exists (select 1 from survey_period sp"
            + " where sp.code = ? and e.filed_at is not null and sp.window_end < e.filed_at)))";
    /** The report's region where there is a report (as the statistics group it), else the enterprise's. */
    static final String CITY = "coalesce(r.city_code, e.city_code)";
    static final String COUNTY = "coalesce(r.county_code, e.county_code)";

    private List<ProgressRow> rows(String periodCode, String groupColumn, String cityCode) {
        PeriodCalendarService.CalendarPeriod p = calendar.period(periodCode);
        Instant now = clock.instant();
        List<Object> args = new ArrayList<>(List.of(periodCode, periodCode));
        String where = "";
        if (cityCode != null) {
            where = " and " + CITY + " = ?";
            args.add(cityCode);
        }
        String sql = "select " + groupColumn + " as area, min(" + CITY + ") as city, count(*) as due, "
                + ReportingStates.sumColumns("r.state")
                + " from enterprise e left join report r on r.enterprise_id = e.id and r.period_code = ?"
                + " where " + DUE + where
                + " group by " + groupColumn + " order by " + groupColumn;
        return jdbc.query(sql, (rs, n) -> {
            Instant end = calendar.endFor(p, rs.getString("city"));
            ReportingCounts counts = ReportingCounts.of(rs.getLong("due"), rs.getLong("reported"), rs.getLong("accepted"),
                    rs.getLong("returned"));
            return new ProgressRow(rs.getString("area"), counts, end, !now.isBefore(end) && counts.missing() > 0);
        }, args.toArray());
    }

    /**
     * Enterprises of the city (and county, if given) that have not submitted. A city reviewer sees its own city only;
     * cityCode null = the whole province (province only).
     */
    @Transactional(readOnly = true)
    public List<NonReporter> nonReporters(String periodCode, String cityCode, String countyCode) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER, Role.LEADER);
        if (cityCode == null) {
            if (me.scope().type() != ScopeType.PROVINCE) {
                throw new AccessDeniedException("province only");
            }
        } else {
            Access.requireCity(me, cityCode);
        }
        List<Object> args = new ArrayList<>(List.of(periodCode, periodCode, periodCode));
        StringBuilder where = new StringBuilder();
        if (cityCode != null) {
            where.append(" and ").append(CITY).append(" = ?");
            args.add(cityCode);
        }
        if (countyCode != null) {
            where.append(" and ").append(COUNTY).append(" = ?");
            args.add(countyCode);
        }
        // exactly the enterprises 缺报 counts: due and not reported
        return jdbc.query("select e.id, e.name, e.uscc, " + CITY + ", " + COUNTY + ", e.contact_person, e.phone, e.email, r.state,"
                + " t.last_chased_at from enterprise e left join report r on r.enterprise_id = e.id and r.period_code = ?"
                + " left join chase_throttle t on t.enterprise_id = e.id and t.period_code = ?"
                + " where " + DUE + " and (r.id is null or r.state not in " + ReportingStates.sqlIn(ReportingStates.REPORTED) + ")"
                + where + " order by 4, 5, e.name", (rs, n) -> {
                    Timestamp t = rs.getTimestamp(10);
                    return new NonReporter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), t == null ? null : t.toInstant());
                }, args.toArray());
    }
}
