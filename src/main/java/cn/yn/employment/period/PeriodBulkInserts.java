package cn.yn.employment.period;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Survey periods in a given state, without the calendar's transitions or events, for the province-scale data
 * generator's history (past months closed, forwarded or archived). A system administrator or a system job only; keeps
 * {@code survey_period} written by its owner alone (docs/adr/0006).
 */
@Component
public class PeriodBulkInserts {

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;

    PeriodBulkInserts(JdbcTemplate jdbc, CurrentUserProvider currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Inserts the period with the province-wide window and reminders 3 and 1 days before its end, unless it exists. */
    public boolean insertIfAbsent(String code, Instant windowStart, Instant windowEnd, PeriodState state, Instant now) {
        Access.requireAdminOrSystemJob(currentUser.require());
        Integer exists = jdbc.queryForObject("select count(*) from survey_period where code = ?", Integer.class, code);
        if (exists != null && exists > 0) {
            return false;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.update("insert into survey_period (code, window_start, window_end, state, reminder_offsets, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, '3,1', ?, ?, 0)", code, Timestamp.from(windowStart), Timestamp.from(windowEnd), state.name(), at, at);
        return true;
    }
}
