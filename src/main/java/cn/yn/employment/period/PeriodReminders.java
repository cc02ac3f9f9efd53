package cn.yn.employment.period;

import cn.yn.employment.common.reporting.ReportingStates;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.period.PeriodCalendarService.CalendarPeriod;
import cn.yn.employment.period.internal.EnterpriseMessenger;
import cn.yn.employment.period.internal.Times;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders before a window ends (the calendar's remind job): once per enterprise, period and offset, to every
 * filed enterprise that has not submitted. A system operation, idempotent, reading time from the {@link Clock}.
 */
@Service
public class PeriodReminders {

    private static final Logger log = LoggerFactory.getLogger(PeriodReminders.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PeriodCalendarService calendar;
    private final EnterpriseMessenger messenger;

    PeriodReminders(JdbcTemplate jdbc, Clock clock, PeriodCalendarService calendar, EnterpriseMessenger messenger) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
        this.messenger = messenger;
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
        for (CalendarPeriod p : calendar.periods()) {
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
        String deadline = Times.format(end);
        List<Long> claimed = claim(p.code(), offset, now, due);
        messenger.sendAll(claimed, NotificationService.REMINDER, "calendar.reminder.title", "calendar.reminder.body", "",
                p.code(), deadline, offset);
        int sent = claimed.size();
        if (sent > 0) {
            log.info("period {}: reminded {} enterprises ({} days before {})", p.code(), sent, offset, deadline);
        }
        return sent;
    }

    /**
     * Claims the reminder for each due enterprise: one row each in period_reminder_sent, as one JDBC batch of plain
     * inserts (one multi-row statement per batch with {@code reWriteBatchedInserts}). The due query has already left
     * out every enterprise claimed before. The primary key (period, enterprise, offset) keeps the reminder once per
     * enterprise when two nodes run the pass at the same time: the second waits for the first's commit, fails on the
     * key and rolls its whole pass back, so nobody is reminded twice. No {@code where not exists} probe per row: its
     * generic plan, made while the table's statistics still said empty, scanned every row the same batch had just
     * written — quadratic, 18 s for 20,000 claims (docs/performance.md, P5r on a fresh database).
     */
    private List<Long> claim(String period, int offset, Instant now, List<Long> due) {
        if (due.isEmpty()) {
            return List.of();
        }
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("insert into period_reminder_sent (period_code, enterprise_id, offset_days, sent_at) values (?, ?, ?, ?)",
                due.stream().map(id -> new Object[] {period, id, offset, at}).toList());
        return due;
    }
}
