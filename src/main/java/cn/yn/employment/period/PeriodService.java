package cn.yn.employment.period;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey periods (docs/domain.md §4), minimal: the current period, a period's window (province-wide or the city's
 * own), whether submission is open, and creation with the default window. All time comes from the {@link Clock}.
 *
 * <p>Reading periods is open to every signed-in user and to engine/system code (the calendar is not sensitive);
 * creating one is for province reviewers.
 */
@Service
public class PeriodService {

    private static final Pattern CODE = Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])$");

    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ParameterService parameters;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final List<SubmissionGrant> grants;

    PeriodService(JdbcTemplate jdbc, Clock clock, ParameterService parameters, CurrentUserProvider currentUser,
                  AuditLog audit, List<SubmissionGrant> grants, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.parameters = parameters;
        this.currentUser = currentUser;
        this.audit = audit;
        this.grants = grants;
    }

    /**
     * The period enterprises report for now: the latest OPEN one; else a SCHEDULED one whose window has started
     * (the state job may not have run yet); else the latest period of all. Empty when there is none.
     */
    @Transactional(readOnly = true)
    public Optional<SurveyPeriod> current() {
        Optional<SurveyPeriod> open = jdbc.query("select * from survey_period where state = 'OPEN' order by code desc limit 1",
                this::map).stream().findFirst();
        if (open.isPresent()) {
            return open;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Optional<SurveyPeriod> started = jdbc.query("select * from survey_period where state = 'SCHEDULED' and window_start <= ?"
                + " and window_end > ? order by code desc limit 1", this::map, now, now).stream().findFirst();
        if (started.isPresent()) {
            return started;
        }
        return jdbc.query("select * from survey_period order by code desc limit 1", this::map).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<SurveyPeriod> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.query("select * from survey_period where code = ?", this::map, code).stream().findFirst();
    }

    public SurveyPeriod require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("period.notFound", code));
    }

    /** All periods, newest first. */
    @Transactional(readOnly = true)
    public List<SurveyPeriod> list() {
        return jdbc.query("select * from survey_period order by code desc", this::map);
    }

    /** The window that applies to a city: its own (period_city_window) if the province set one, else the period's. */
    @Transactional(readOnly = true)
    public Window windowFor(String periodCode, String cityCode) {
        SurveyPeriod p = require(periodCode);
        if (cityCode != null) {
            List<Window> own = jdbc.query("select window_start, window_end from period_city_window where period_code = ? and city_code = ?",
                    (rs, n) -> new Window(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()), periodCode, cityCode);
            if (!own.isEmpty()) {
                return own.get(0);
            }
        }
        return p.window();
    }

    /** True when the period accepts submissions (not closed/forwarded/archived) and the city's window contains the instant. */
    @Transactional(readOnly = true)
    public boolean isOpenFor(String periodCode, String cityCode, Instant at) {
        Optional<SurveyPeriod> p = find(periodCode);
        return p.isPresent() && p.get().state().acceptsSubmissions() && windowFor(periodCode, cityCode).contains(at);
    }

    /** Whether this enterprise may submit now: inside its city's window, or with a late-filing grant ({@link SubmissionGrant}). */
    @Transactional(readOnly = true)
    public boolean canSubmit(String periodCode, String cityCode, long enterpriseId, Instant at) {
        if (isOpenFor(periodCode, cityCode, at)) {
            return true;
        }
        return find(periodCode).filter(p -> p.state() != PeriodState.FORWARDED && p.state() != PeriodState.ARCHIVED).isPresent()
                && grants.stream().anyMatch(g -> g.allows(periodCode, enterpriseId, at));
    }

    /** The default window of a month's period: day WINDOW_START_DAY 00:00 to day WINDOW_END_DAY 00:00 of the following month. */
    public Window defaultWindow(YearMonth month) {
        YearMonth next = month.plusMonths(1);
        int startDay = parameters.getInt(Parameter.WINDOW_START_DAY);
        int endDay = parameters.getInt(Parameter.WINDOW_END_DAY);
        Instant start = next.atDay(startDay).atStartOfDay(TimeConfig.ZONE).toInstant();
        Instant end = next.atDay(endDay).atStartOfDay(TimeConfig.ZONE).toInstant();
        return new Window(start, end);
    }

    /** Creates a period with the default window; its state follows the clock (SCHEDULED, OPEN or CLOSED). Province only. */
    @Transactional
    public SurveyPeriod create(String code) {
        Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        if (code == null || !CODE.matcher(code.trim()).matches()) {
            throw new DomainException("period.invalid", List.of(new FieldError("code", "period.code.format")));
        }
        return create(code, defaultWindow(YearMonth.parse(code.trim())));
    }

    /** Creates a period with the window the province sets; its state follows the clock. Province only. */
    @Transactional
    public SurveyPeriod create(String code, Window w) {
        Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        if (code == null || !CODE.matcher(code.trim()).matches()) {
            throw new DomainException("period.invalid", List.of(new FieldError("code", "period.code.format")));
        }
        String c = code.trim();
        if (find(c).isPresent()) {
            throw new DomainException("period.invalid", List.of(new FieldError("code", "period.code.exists", c)));
        }
        Instant now = clock.instant();
        PeriodState state = now.isBefore(w.start()) ? PeriodState.SCHEDULED
                : w.contains(now) ? PeriodState.OPEN : PeriodState.CLOSED;
        jdbc.update("insert into survey_period (code, window_start, window_end, state, reminder_offsets, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                c, Timestamp.from(w.start()), Timestamp.from(w.end()), state.name(),
                parameters.getString(Parameter.REMINDER_OFFSETS_DAYS), Timestamp.from(now), Timestamp.from(now));
        SurveyPeriod created = require(c);
        audit.record("PERIOD_CREATED", "survey_period", c, null,
                Map.of("windowStart", w.start().toString(), "windowEnd", w.end().toString(), "state", state.name()));
        events.publishEvent(new PeriodCreated(c));
        return created;
    }

    /** {@code 2026-01} → {@code 2025-12}. */
    public static String previousCode(String code) {
        try {
            return YearMonth.parse(code).minusMonths(1).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a period code: " + code, e);
        }
    }

    /** The period a report made at this instant is for by default: the month before (reports are filed in the following month). */
    public static String codeReportedIn(Instant at) {
        return YearMonth.from(at.atZone(TimeConfig.ZONE)).minusMonths(1).toString();
    }

    private SurveyPeriod map(ResultSet rs, int n) throws SQLException {
        return new SurveyPeriod(rs.getLong("id"), rs.getString("code"), rs.getTimestamp("window_start").toInstant(),
                rs.getTimestamp("window_end").toInstant(), PeriodState.valueOf(rs.getString("state")),
                rs.getString("reminder_offsets"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
