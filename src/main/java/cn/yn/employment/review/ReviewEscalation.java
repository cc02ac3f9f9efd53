package cn.yn.employment.review;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review SLA escalation: a city or province review task past its due moment (the inbox's {@code due_at}, from the
 * business calendar's working days — so "late" here and "overdue" in the inbox are the same test) is recorded in
 * {@code review_escalation} and the reviewers of its candidate group are notified once. Run by the calendar's SLA
 * job; idempotent, and safe on two nodes (the insert claims the task).
 */
@Service
public class ReviewEscalation {

    private static final Logger log = LoggerFactory.getLogger(ReviewEscalation.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ParameterService parameters;
    private final NotificationService notifications;

    ReviewEscalation(JdbcTemplate jdbc, Clock clock, ParameterService parameters, NotificationService notifications) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.parameters = parameters;
        this.notifications = notifications;
    }

    /** Records and notifies newly overdue tasks; returns how many were escalated. A system operation (the SLA job). */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        List<Map<String, Object>> due = jdbc.queryForList("select w.task_id, w.candidate_group from work_item w"
                + " where w.due_at < ? and not exists (select 1 from review_escalation x where x.task_id = w.task_id)"
                + " order by w.due_at", Timestamp.from(now));
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        for (Map<String, Object> row : due) {
            String taskId = (String) row.get("task_id");
            int claimed = jdbc.update("insert into review_escalation (task_id, escalated_at) select ?, ? where not exists"
                    + " (select 1 from review_escalation where task_id = ?)", taskId, Timestamp.from(now), taskId);
            if (claimed > 0) {
                perGroup.merge((String) row.get("candidate_group"), 1, Integer::sum);
            }
        }
        int days = parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS);
        perGroup.forEach((group, count) -> {
            List<Long> users = group.startsWith(ReviewContract.CITY_GROUP_PREFIX)
                    ? notifications.usersOf(Scope.city(group.substring(ReviewContract.CITY_GROUP_PREFIX.length())), Role.CITY_REVIEWER)
                    : notifications.usersOf(Scope.province(), Role.PROVINCE_REVIEWER);
            notifications.notifyKeys(users, NotificationService.ESCALATION, "review.sla.title", "review.sla.body",
                    null, count, days);
        });
        int total = perGroup.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            log.info("review SLA: {} tasks escalated", total);
        }
        return total;
    }

    /** Whether the task has been escalated. */
    public boolean isEscalated(String taskId) {
        Integer n = jdbc.queryForObject("select count(*) from review_escalation where task_id = ?", Integer.class, taskId);
        return n != null && n > 0;
    }
}
