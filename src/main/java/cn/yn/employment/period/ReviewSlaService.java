package cn.yn.employment.period;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.common.time.TimeConfig;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review SLA escalation: a city or province review task (the review module's {@code work_item} inbox projection)
 * waiting longer than REVIEW_SLA_WORKING_DAYS working days (Monday–Friday, Asia/Shanghai) is flagged overdue
 * (table {@code review_escalation}, and {@code work_item.overdue} when the review module has that column) and
 * the reviewers of its candidate group are notified once. Called by the SLA job; idempotent.
 */
@Service
public class ReviewSlaService {

    private static final Logger log = LoggerFactory.getLogger(ReviewSlaService.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ParameterService parameters;
    private final NotificationService notifications;

    ReviewSlaService(JdbcTemplate jdbc, Clock clock, ParameterService parameters, NotificationService notifications) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.parameters = parameters;
        this.notifications = notifications;
    }

    /** The instant N working days before {@code now}: tasks submitted at or before it are overdue. */
    public static Instant cutoff(Instant now, int workingDays) {
        ZonedDateTime t = now.atZone(TimeConfig.ZONE);
        int left = workingDays;
        while (left > 0) {
            t = t.minusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return t.toInstant();
    }

    /** Flags and notifies newly overdue tasks. Returns how many were escalated (-1 when there is no inbox table yet). */
    @Transactional
    public int escalateOverdue() {
        if (!tableExists("work_item")) {
            return -1;
        }
        Instant now = clock.instant();
        Instant cutoff = cutoff(now, parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS));
        List<Map<String, Object>> due = jdbc.queryForList("select w.task_id, w.candidate_group, w.enterprise_name, w.kind,"
                + " w.period_code from work_item w where w.submitted_at <= ?"
                + " and not exists (select 1 from review_escalation x where x.task_id = w.task_id) order by w.submitted_at",
                Timestamp.from(cutoff));
        if (due.isEmpty()) {
            return 0;
        }
        boolean overdueColumn = columnExists("work_item", "overdue");
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        for (Map<String, Object> row : due) {
            String taskId = (String) row.get("task_id");
            int claimed = jdbc.update("insert into review_escalation (task_id, escalated_at) select ?, ? where not exists"
                    + " (select 1 from review_escalation where task_id = ?)", taskId, Timestamp.from(now), taskId);
            if (claimed == 0) {
                continue;
            }
            if (overdueColumn) {
                jdbc.update("update work_item set overdue = true where task_id = ?", taskId);
            }
            perGroup.merge((String) row.get("candidate_group"), 1, Integer::sum);
        }
        int days = parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS);
        perGroup.forEach((group, count) -> {
            List<Long> users = group.startsWith("city:")
                    ? notifications.usersOf(Scope.city(group.substring(5)), Role.CITY_REVIEWER)
                    : notifications.usersOf(Scope.province(), Role.PROVINCE_REVIEWER);
            notifications.notifyKeys(users, NotificationService.ESCALATION, "calendar.sla.title", "calendar.sla.body",
                    null, count, days);
        });
        int total = perGroup.values().stream().mapToInt(Integer::intValue).sum();
        log.info("review SLA: {} tasks escalated", total);
        return total;
    }

    /** Whether the task has been escalated (for inbox highlighting). */
    public boolean isEscalated(String taskId) {
        Integer n = jdbc.queryForObject("select count(*) from review_escalation where task_id = ?", Integer.class, taskId);
        return n != null && n > 0;
    }

    private boolean tableExists(String table) {
        return columnExists(table, null);
    }

    private boolean columnExists(String table, String column) {
        Integer n = jdbc.queryForObject("select count(*) from information_schema.columns where lower(table_name) = ?"
                + (column == null ? "" : " and lower(column_name) = '" + column + "'")
                + " and lower(table_schema) in ('public', current_schema())", Integer.class, table);
        return n != null && n > 0;
    }
}
