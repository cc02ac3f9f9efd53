package cn.yn.employment.statistics;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.SurveyPeriod;
import cn.yn.employment.statistics.internal.AggregateQueries;
import cn.yn.employment.statistics.internal.ComparisonCells;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics of docs/domain.md §7 for leaders and reviewers. Every method checks the role and narrows the
 * filter to the user's scope: a city-scoped user always gets its own city, and asking for another city is
 * refused.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {

    public static final Role[] ROLES = {Role.LEADER, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER};

    private final AggregateQueries queries;
    private final ComparisonCells cells;
    private final CurrentUserProvider users;
    private final CodeService codes;
    private final PeriodService periods;
    private final Clock clock;

    StatisticsService(AggregateQueries queries, ComparisonCells cells, CurrentUserProvider users, CodeService codes,
                      PeriodService periods, Clock clock) {
        this.queries = queries;
        this.cells = cells;
        this.users = users;
        this.codes = codes;
        this.periods = periods;
        this.clock = clock;
    }

    /** The filter restricted to the current user's scope; throws when the user may not see statistics. */
    public StatisticsFilter scoped(StatisticsFilter filter) {
        CurrentUser user = Access.requireAny(users.require(), ROLES);
        return restrict(user.scope(), filter == null ? StatisticsFilter.all() : filter);
    }

    static StatisticsFilter restrict(Scope scope, StatisticsFilter f) {
        if (scope.type() == ScopeType.PROVINCE) {
            return f;
        }
        if (scope.type() == ScopeType.CITY) {
            if (f.cityCode() != null && !f.cityCode().equals(scope.code())) {
                throw new AccessDeniedException("outside your scope");
            }
            return f.withCity(scope.code());
        }
        throw new AccessDeniedException("statistics need a city or province scope");
    }

    public Figures figures(String period, StatisticsFilter filter) {
        return queries.figures(requirePeriod(period), scoped(filter));
    }

    public Overview overview(String period, StatisticsFilter filter) {
        StatisticsFilter f = scoped(filter);
        requirePeriod(period);
        return new Overview(period, f, queries.figures(period, f), queries.compare(period, previous(period), f),
                queries.compare(period, sameMonthLastYear(period), f), queries.warningLevels(period, f), periodOpen(period),
                today());
    }

    /** Whether the period still accepts submissions (scheduled or open); a period without a calendar entry does not. */
    public boolean periodOpen(String period) {
        Access.requireAny(users.require(), ROLES);
        return periods.find(requirePeriod(period)).map(p -> p.state().acceptsSubmissions()).orElse(false);
    }

    /** The periods among {@code codes} that still accept submissions. */
    public Set<String> openPeriods(Collection<String> codes) {
        Access.requireAny(users.require(), ROLES);
        Set<String> open = new HashSet<>();
        for (SurveyPeriod p : periods.list()) {
            if (codes.contains(p.code()) && p.state().acceptsSubmissions()) {
                open.add(p.code());
            }
        }
        return open;
    }

    /** The business date the figures are "as of" (截至). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfig.ZONE));
    }

    /**
     * 较上期增减 of each trend point on the comparable basis (可比口径): over the enterprises accepted both in the point's
     * period and in the period before, so enterprises not (yet) accepted never show as a fall or a rise. Served from
     * the frozen cells of each (period, previous) pair where they are fresh (docs/adr/0033).
     */
    public List<Comparison> trendComparisons(String period, int months, StatisticsFilter filter) {
        StatisticsFilter f = scoped(filter);
        return cells.comparePrevious(periodsEndingWith(requirePeriod(period), months), StatisticsService::previous, f);
    }

    public Comparison monthOnMonth(String period, StatisticsFilter filter) {
        return queries.compare(requirePeriod(period), previous(period), scoped(filter));
    }

    public Comparison yearOnYear(String period, StatisticsFilter filter) {
        return queries.compare(requirePeriod(period), sameMonthLastYear(period), scoped(filter));
    }

    public List<Figures> breakdown(String period, StatisticsFilter filter, Dimension dimension) {
        return queries.breakdown(requirePeriod(period), scoped(filter), dimension);
    }

    /** The {@code months} periods ending with {@code period} (12 or 24), oldest first. */
    public List<Figures> trend(String period, int months, StatisticsFilter filter) {
        StatisticsFilter f = scoped(filter);
        return queries.trend(periodsEndingWith(requirePeriod(period), months), f);
    }

    public List<CodeCount> reductionTypes(String period, StatisticsFilter filter) {
        return queries.reductionTypes(requirePeriod(period), scoped(filter), c -> codes.nameOf(CodeType.REDUCTION_TYPE, c));
    }

    public List<CodeCount> reductionReasons(String period, StatisticsFilter filter) {
        return queries.reductionReasons(requirePeriod(period), scoped(filter), c -> codes.nameOf(CodeType.REDUCTION_REASON, c));
    }

    public List<CodeCount> warningLevels(String period, StatisticsFilter filter) {
        return queries.warningLevels(requirePeriod(period), scoped(filter));
    }

    public List<WarningRow> warnings(String period, StatisticsFilter filter, int limit) {
        return queries.warnings(requirePeriod(period), scoped(filter), limit);
    }

    /** Periods that have data or are scheduled, newest first. */
    public List<String> periods() {
        Access.requireAny(users.require(), ROLES);
        return queries.periods();
    }

    /** The period the dashboards open on: the newest one with accepted reports, else the newest of all. */
    public java.util.Optional<String> defaultPeriod() {
        Access.requireAny(users.require(), ROLES);
        return queries.latestReported().or(() -> queries.periods().stream().findFirst());
    }

    public static String previous(String period) {
        return YearMonth.parse(period).minusMonths(1).toString();
    }

    public static String sameMonthLastYear(String period) {
        return YearMonth.parse(period).minusYears(1).toString();
    }

    public static List<String> periodsEndingWith(String period, int months) {
        YearMonth end = YearMonth.parse(period);
        List<String> out = new ArrayList<>();
        for (int i = Math.max(1, months) - 1; i >= 0; i--) {
            out.add(end.minusMonths(i).toString());
        }
        return out;
    }

    private static String requirePeriod(String period) {
        try {
            YearMonth.parse(period);
            return period;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("period must be YYYY-MM: " + period);
        }
    }
}
