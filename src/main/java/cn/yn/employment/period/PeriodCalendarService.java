package cn.yn.employment.period;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.reporting.ReportingStates;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.period.internal.EnterpriseMessenger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar of survey periods: the state changes time drives (open, remind, close — called by the Quartz jobs,
 * idempotent, reading time from the {@link Clock}) and the province's management (windows, city windows, reminder
 * offsets, reopen, archive). The due-work methods ({@code *Due}) are system operations without a user check: they
 * only do what the calendar says is due, whoever triggers them.
 */
@Service
public class PeriodCalendarService {

    private static final Logger log = LoggerFactory.getLogger(PeriodCalendarService.class);
    static final String SYSTEM = "system:scheduler";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final EnterpriseMessenger messenger;
    private final MissingReports missingReports;

    PeriodCalendarService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, AuditLog audit,
                          ApplicationEventPublisher events, EnterpriseMessenger messenger, MissingReports missingReports) {
        this.missingReports = missingReports;
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.messenger = messenger;
    }

    /** A period as the calendar sees it, with its city windows. */
    public record CalendarPeriod(String code, Instant windowStart, Instant windowEnd, String state, List<Integer> reminderOffsets,
                                 List<CityWindow> cityWindows, int version) {

        /** The latest end over the period's and the cities' windows: the period closes then. */
        public Instant lastEnd() {
            return cityWindows.stream().map(CityWindow::end).max(Comparator.naturalOrder())
                    .filter(e -> e.isAfter(windowEnd)).orElse(windowEnd);
        }

        public Instant firstStart() {
            return cityWindows.stream().map(CityWindow::start).min(Comparator.naturalOrder())
                    .filter(s -> s.isBefore(windowStart)).orElse(windowStart);
        }
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public List<CalendarPeriod> periods() {
        List<CalendarPeriod> raw = jdbc.query("select code, window_start, window_end, state, reminder_offsets, version"
                + " from survey_period order by code desc", (rs, n) -> new CalendarPeriod(rs.getString(1),
                rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getString(4), offsets(rs.getString(5)),
                List.of(), rs.getInt(6)));
        Map<String, List<CityWindow>> windows = new LinkedHashMap<>();
        jdbc.query("select period_code, city_code, window_start, window_end from period_city_window order by city_code",
                rs -> {
                    windows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CityWindow(rs.getString(1),
                            rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
                });
        return raw.stream().map(p -> new CalendarPeriod(p.code(), p.windowStart(), p.windowEnd(), p.state(),
                p.reminderOffsets(), windows.getOrDefault(p.code(), List.of()), p.version())).toList();
    }

    @Transactional(readOnly = true)
    public CalendarPeriod period(String code) {
        return periods().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new DomainException("calendar.error.periodNotFound", code));
    }

    /** The window end that applies to a city (its own, else the period's). */
    public Instant endFor(CalendarPeriod p, String cityCode) {
        return p.cityWindows().stream().filter(w -> w.cityCode().equals(cityCode)).map(CityWindow::end).findFirst()
                .orElse(p.windowEnd());
    }

    // ------------------------------------------------------------------ due work (jobs)

    /** SCHEDULED → OPEN for every period whose (earliest) window has started. Returns the codes opened. */
    @Transactional
    public List<String> openDue() {
        Instant now = clock.instant();
        List<String> opened = new ArrayList<>();
        for (CalendarPeriod p : periods()) {
            if ("SCHEDULED".equals(p.state()) && !now.isBefore(p.firstStart())) {
                int n = jdbc.update("update survey_period set state = 'OPEN', updated_at = ?, version = version + 1"
                        + " where code = ? and state = 'SCHEDULED'", Timestamp.from(now), p.code());
                if (n > 0) {
                    opened.add(p.code());
                    audit.recordAs(SYSTEM, "PERIOD_OPENED", "survey_period", p.code(), Map.of("state", "SCHEDULED"),
                            Map.of("state", "OPEN"));
                    events.publishEvent(new PeriodOpened(p.code()));
                }
            }
        }
        return opened;
    }

    /**
     * For every OPEN period: marks 缺报 the enterprises whose window has ended without a submitted report (set-based:
     * inserts MISSING rows for those without a report, turns their drafts MISSING; enterprises holding an active
     * late-filing grant are left alone); when every window has ended, OPEN → CLOSED and {@link PeriodClosed} is
     * published. Idempotent. Returns the codes closed.
     */
    @Transactional
    public List<String> closeDue() {
        Instant now = clock.instant();
        List<String> closed = new ArrayList<>();
        for (CalendarPeriod p : periods()) {
            if (!"OPEN".equals(p.state()) && !("SCHEDULED".equals(p.state()) && !now.isBefore(p.lastEnd()))) {
                continue;
            }
            int marked = markMissing(p, now);
            if (!now.isBefore(p.lastEnd())) {
                int n = jdbc.update("update survey_period set state = 'CLOSED', updated_at = ?, version = version + 1"
                        + " where code = ? and state in ('OPEN','SCHEDULED')", Timestamp.from(now), p.code());
                if (n > 0) {
                    closed.add(p.code());
                    audit.recordAs(SYSTEM, "PERIOD_CLOSED", "survey_period", p.code(), Map.of("state", p.state()),
                            Map.of("state", "CLOSED", "markedMissing", marked));
                    events.publishEvent(new PeriodClosed(p.code()));
                }
            } else if (marked > 0) {
                audit.recordAs(SYSTEM, "PERIOD_CITY_WINDOWS_ENDED", "survey_period", p.code(), null, Map.of("markedMissing", marked));
            }
        }
        return closed;
    }

    /** Asks the reports to mark 缺报 for the enterprises whose effective window ended by {@code now}. */
    int markMissing(CalendarPeriod p, Instant now) {
        Set<String> ownWindow = new HashSet<>();
        Set<String> ownEnded = new HashSet<>();
        for (CityWindow w : p.cityWindows()) {
            ownWindow.add(w.cityCode());
            if (!now.isBefore(w.end())) {
                ownEnded.add(w.cityCode());
            }
        }
        Set<Long> grants = new HashSet<>(jdbc.queryForList("select enterprise_id from late_filing_grant where period_code = ?"
                + " and state = 'ACTIVE' and expires_at > ?", Long.class, p.code(), Timestamp.from(now)));
        return missingReports.markMissing(new MissingReports.WindowsEnded(p.code(), now, !now.isBefore(p.windowEnd()),
                ownWindow, ownEnded, grants));
    }

    /**
     * Sends the reminders that are due: for each OPEN period and each enterprise without a submitted report, the
     * reminder of the smallest offset whose time (window end minus offset days) has passed, unless already sent.
     * Returns the number of enterprises reminded.
     */
    @Transactional
    public int remindDue() {
        Instant now = clock.instant();
        int reminded = 0;
        for (CalendarPeriod p : periods()) {
            if (!"OPEN".equals(p.state())) {
                continue;
            }
            // the province-wide group (cities without their own window), then each city window
            reminded += remindGroup(p, p.windowEnd(), null, now);
            for (CityWindow w : p.cityWindows()) {
                reminded += remindGroup(p, w.end(), w.cityCode(), now);
            }
        }
        return reminded;
    }

    private int remindGroup(CalendarPeriod p, Instant end, String cityCode, Instant now) {
        if (!now.isBefore(end)) {
            return 0;
        }
        Integer offset = p.reminderOffsets().stream().sorted()
                .filter(d -> !now.isBefore(end.minus(Duration.ofDays(d)))).findFirst().orElse(null);
        if (offset == null) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where;
        if (cityCode == null) {
            where = " and not exists (select 1 from period_city_window w where w.period_code = ? and w.city_code = e.city_code)";
            args.add(p.code());
        } else {
            where = " and e.city_code = ?";
            args.add(cityCode);
        }
        args.add(p.code());
        args.add(p.code());
        args.add(offset);
        List<Long> due = jdbc.queryForList("select e.id from enterprise e where e.filing_state = 'FILED'" + where
                + " and not exists (select 1 from report r where r.enterprise_id = e.id and r.period_code = ? and r.state in "
                + ReportingStates.sqlIn(ReportingStates.REPORTED) + ")"
                + " and not exists (select 1 from period_reminder_sent s where s.period_code = ? and s.enterprise_id = e.id"
                + " and s.offset_days = ?) order by e.id", Long.class, args.toArray());
        String deadline = cn.yn.employment.period.internal.Times.format(end);
        int sent = 0;
        for (Long id : due) {
            int claimed = jdbc.update("insert into period_reminder_sent (period_code, enterprise_id, offset_days, sent_at)"
                    + " select ?, ?, ?, ? where not exists (select 1 from period_reminder_sent where period_code = ?"
                    + " and enterprise_id = ? and offset_days = ?)", p.code(), id, offset, Timestamp.from(now), p.code(), id, offset);
            if (claimed > 0) {
                messenger.send(id, NotificationService.REMINDER, "calendar.reminder.title", "calendar.reminder.body", "",
                        p.code(), deadline, offset);
                sent++;
            }
        }
        if (sent > 0) {
            log.info("period {}: reminded {} enterprises ({} days before {})", p.code(), sent, offset, deadline);
        }
        return sent;
    }

    // ------------------------------------------------------------------ province management

    /** Sets the period's window and reminder offsets (start only while 未开始). Province only. */
    @Transactional
    public void setWindow(String code, Instant start, Instant end, List<Integer> offsets, int version) {
        Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        CalendarPeriod p = period(code);
        List<FieldError> errors = new ArrayList<>();
        if (start == null || end == null || !end.isAfter(start)) {
            errors.add(new FieldError("windowEnd", "calendar.error.windowOrder"));
        }
        if (!"SCHEDULED".equals(p.state()) && start != null && !start.equals(p.windowStart())) {
            errors.add(new FieldError("windowStart", "calendar.error.startFixed"));
        }
        if (!"SCHEDULED".equals(p.state()) && !"OPEN".equals(p.state())) {
            errors.add(new FieldError("windowEnd", "calendar.error.notEditable"));
        }
        if (offsets == null || offsets.isEmpty() || offsets.stream().anyMatch(d -> d < 1 || d > 28)) {
            errors.add(new FieldError("offsets", "calendar.error.offsets"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException("calendar.error.invalid", errors);
        }
        String offsetText = String.join(",", offsets.stream().distinct().sorted(Comparator.reverseOrder()).map(String::valueOf).toList());
        int n = jdbc.update("update survey_period set window_start = ?, window_end = ?, reminder_offsets = ?, updated_at = ?,"
                        + " version = version + 1 where code = ? and version = ?", Timestamp.from(start), Timestamp.from(end),
                offsetText, Timestamp.from(clock.instant()), code, version);
        if (n == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("period " + code + " changed");
        }
        audit.record("PERIOD_WINDOW_SET", "survey_period", code,
                Map.of("start", p.windowStart().toString(), "end", p.windowEnd().toString(), "offsets", p.reminderOffsets().toString()),
                Map.of("start", start.toString(), "end", end.toString(), "offsets", offsetText));
        changed(code);
    }

    /** Gives a city its own window for the period (or changes it). Province only. */
    @Transactional
    public void setCityWindow(String code, String cityCode, Instant start, Instant end) {
        Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        CalendarPeriod p = period(code);
        List<FieldError> errors = new ArrayList<>();
        if (cityCode == null || cityCode.isBlank()) {
            errors.add(new FieldError("city", "calendar.error.city"));
        }
        if (start == null || end == null || !end.isAfter(start)) {
            errors.add(new FieldError("cityEnd", "calendar.error.windowOrder"));
        }
        if (!"SCHEDULED".equals(p.state()) && !"OPEN".equals(p.state())) {
            errors.add(new FieldError("cityEnd", "calendar.error.notEditable"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException("calendar.error.invalid", errors);
        }
        CityWindow before = p.cityWindows().stream().filter(w -> w.cityCode().equals(cityCode)).findFirst().orElse(null);
        if (before == null) {
            jdbc.update("insert into period_city_window (period_code, city_code, window_start, window_end) values (?, ?, ?, ?)",
                    code, cityCode, Timestamp.from(start), Timestamp.from(end));
        } else {
            jdbc.update("update period_city_window set window_start = ?, window_end = ? where period_code = ? and city_code = ?",
                    Timestamp.from(start), Timestamp.from(end), code, cityCode);
        }
        audit.record("PERIOD_CITY_WINDOW_SET", "survey_period", code + ":" + cityCode,
                before == null ? null : Map.of("start", before.start().toString(), "end", before.end().toString()),
                Map.of("start", start.toString(), "end", end.toString()));
        changed(code);
    }

    @Transactional
    public void removeCityWindow(String code, String cityCode) {
        Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        CalendarPeriod p = period(code);
        if (!"SCHEDULED".equals(p.state()) && !"OPEN".equals(p.state())) {
            throw new DomainException("calendar.error.notEditable");
        }
        int n = jdbc.update("delete from period_city_window where period_code = ? and city_code = ?", code, cityCode);
        if (n > 0) {
            audit.record("PERIOD_CITY_WINDOW_REMOVED", "survey_period", code + ":" + cityCode, null, null);
            changed(code);
        }
    }

    /**
     * Reopens a closed period until {@code newEnd}, with a reason (audited). Enterprises marked 缺报 may submit
     * again: placeholder MISSING rows are removed and drafts turned MISSING at the close become drafts again.
     */
    @Transactional
    public void reopen(String code, Instant newEnd, String reason) {
        Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        CalendarPeriod p = period(code);
        List<FieldError> errors = new ArrayList<>();
        if (!"CLOSED".equals(p.state())) {
            errors.add(new FieldError("reason", "calendar.error.notClosed"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            errors.add(new FieldError("reason", "calendar.error.reason"));
        }
        Instant now = clock.instant();
        if (newEnd == null || !newEnd.isAfter(now)) {
            errors.add(new FieldError("newEnd", "calendar.error.endInPast"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException("calendar.error.invalid", errors);
        }
        Timestamp ts = Timestamp.from(now);
        jdbc.update("update survey_period set state = 'OPEN', window_end = ?, updated_at = ?, version = version + 1 where code = ?",
                Timestamp.from(newEnd), ts, code);
        // city windows must not end before the reopened end, or those cities would stay closed
        jdbc.update("update period_city_window set window_end = ? where period_code = ? and window_end < ?",
                Timestamp.from(newEnd), code, Timestamp.from(newEnd));
        MissingReports.Restored restored = missingReports.restore(code, now);
        int drafts = restored.draftsRestored();
        int removed = restored.placeholdersRemoved();
        jdbc.update("delete from period_reminder_sent where period_code = ?", code);
        audit.record("PERIOD_REOPENED", "survey_period", code, Map.of("state", "CLOSED", "end", p.windowEnd().toString()),
                Map.of("state", "OPEN", "end", newEnd.toString(), "reason", reason.trim(), "placeholdersRemoved", removed,
                        "draftsRestored", drafts));
        changed(code);
    }

    /** 已上报部 → 已归档. Province only. */
    @Transactional
    public void archive(String code) {
        Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        CalendarPeriod p = period(code);
        if (!"FORWARDED".equals(p.state())) {
            throw new DomainException("calendar.error.notForwarded");
        }
        jdbc.update("update survey_period set state = 'ARCHIVED', updated_at = ?, version = version + 1 where code = ?",
                Timestamp.from(clock.instant()), code);
        audit.record("PERIOD_ARCHIVED", "survey_period", code, Map.of("state", "FORWARDED"), Map.of("state", "ARCHIVED"));
    }

    /** After a change: let time catch up at once (open/close what is now due) and re-plan the period's triggers. */
    private void changed(String code) {
        openDue();
        closeDue();
        events.publishEvent(new CalendarChanged(code));
    }

    /** Internal event: a period's dates changed, the scheduler re-plans its triggers. */
    public record CalendarChanged(String periodCode) {
    }

    static List<Integer> offsets(String s) {
        List<Integer> out = new ArrayList<>();
        if (s != null) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(Integer.valueOf(part.trim()));
                }
            }
        }
        return out;
    }
}
