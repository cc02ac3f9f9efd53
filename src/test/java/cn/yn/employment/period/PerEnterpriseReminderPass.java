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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder pass as it was before issue 15's third round, kept verbatim (apart from the transaction template
 * standing in for {@code @Transactional}) as the same-run baseline: one claim insert per enterprise, then
 * {@link EnterpriseMessenger#send} per enterprise (enterprise lookup, its users, notifications, two outbox rows).
 * {@code ReminderPassBatchTest} proves {@link PeriodReminders} writes the same rows; the benchmark times both.
 */
public class PerEnterpriseReminderPass {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PeriodCalendarService calendar;
    private final EnterpriseMessenger messenger;
    private final TransactionTemplate tx;

    public PerEnterpriseReminderPass(JdbcTemplate jdbc, Clock clock, PeriodCalendarService calendar, EnterpriseMessenger messenger,
                                     PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
        this.messenger = messenger;
        this.tx = new TransactionTemplate(transactions);
    }

    public int remindDue() {
        Integer n = tx.execute(s -> {
            Instant now = clock.instant();
            int reminded = 0;
            for (CalendarPeriod p : calendar.periods()) {
                if (!"OPEN".equals(p.state())) {
                    continue;
                }
                reminded += remindGroup(p, p.windowEnd(), null, now);
                for (CityWindow w : p.cityWindows()) {
                    reminded += remindGroup(p, w.end(), w.cityCode(), now);
                }
            }
            return reminded;
        });
        return n == null ? 0 : n;
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
        return sent;
    }
}
