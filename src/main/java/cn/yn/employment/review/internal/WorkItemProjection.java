package cn.yn.employment.review.internal;

import cn.yn.employment.parameters.WorkingCalendar;
import cn.yn.employment.review.Decision;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewContract;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEvent;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.DelegationState;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code work_item} / {@code work_item_done} in step with the engine. Runs inside the engine's command,
 * so on the same connection and in the same transaction as the task change: either both happen or neither.
 * Only reviewer tasks (candidate group {@code city:*} or {@code province}) are projected.
 */
@Component
public class WorkItemProjection implements FlowableEventListener {

    private static final Logger log = LoggerFactory.getLogger(WorkItemProjection.class);
    public static final String PROVINCE_GROUP = ReviewContract.PROVINCE_GROUP;
    public static final String CITY_GROUP_PREFIX = ReviewContract.CITY_GROUP_PREFIX;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WorkingCalendar calendar;

    WorkItemProjection(JdbcTemplate jdbc, Clock clock, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event.getType() instanceof FlowableEngineEventType type)) {
            return;
        }
        switch (type) {
            case TASK_CREATED -> task(event).ifPresent(this::created);
            case TASK_ASSIGNED -> task(event).ifPresent(this::assigned);
            case TASK_COMPLETED -> task(event).ifPresent(this::completed);
            case ENTITY_DELETED -> task(event).ifPresent(t -> jdbc.update("delete from work_item where task_id = ?", t.getId()));
            case PROCESS_CANCELLED -> {
                if (event instanceof FlowableEngineEvent pe && pe.getProcessInstanceId() != null) {
                    jdbc.update("delete from work_item where process_instance_id = ?", pe.getProcessInstanceId());
                }
            }
            default -> {
            }
        }
    }

    private static java.util.Optional<TaskEntity> task(FlowableEvent event) {
        if (event instanceof FlowableEntityEvent ee && ee.getEntity() instanceof TaskEntity t) {
            return java.util.Optional.of(t);
        }
        return java.util.Optional.empty();
    }

    static String reviewerGroup(TaskEntity task) {
        List<? extends IdentityLinkInfo> links = task.getIdentityLinks();
        for (IdentityLinkInfo link : links) {
            String g = link.getGroupId();
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && g != null
                    && (PROVINCE_GROUP.equals(g) || g.startsWith(CITY_GROUP_PREFIX))) {
                return g;
            }
        }
        return null;
    }

    private void created(TaskEntity task) {
        String group = reviewerGroup(task);
        if (group == null) {
            return;
        }
        String kind = str(task, ReviewContract.KIND, true);
        long subjectId = num(task, ReviewContract.SUBJECT_ID, true);
        String cityCode = str(task, ReviewContract.CITY_CODE, false);
        if (cityCode == null && group.startsWith(CITY_GROUP_PREFIX)) {
            cityCode = group.substring(CITY_GROUP_PREFIX.length());
        }
        if (cityCode == null) {
            throw new IllegalStateException("review contract: process variable 'cityCode' missing for task "
                    + task.getTaskDefinitionKey() + " of process " + task.getProcessInstanceId());
        }
        Instant now = clock.instant();
        Instant created = task.getCreateTime() != null ? task.getCreateTime().toInstant() : now;
        Instant submitted = instant(task.getVariable(ReviewContract.SUBMITTED_AT));
        if (submitted == null) {
            submitted = created;
        }
        Instant due = task.getDueDate() != null ? task.getDueDate().toInstant()
                : calendar.reviewDue(created);
        boolean returnedByProvince = false;
        String returnComment = null;
        if (group.startsWith(CITY_GROUP_PREFIX)) {
            // the latest reviewer decision on this instance: did the province just send it back to the city?
            List<String[]> last = jdbc.query("select decision, return_to, comment from work_item_done"
                            + " where process_instance_id = ? order by completed_at desc, id desc limit 1",
                    (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, task.getProcessInstanceId());
            if (!last.isEmpty() && Decision.RETURN.name().equals(last.get(0)[0]) && ReturnTo.CITY.name().equals(last.get(0)[1])) {
                returnedByProvince = true;
                returnComment = last.get(0)[2];
            }
        }
        Long enterpriseId = task.getVariable(ReviewContract.ENTERPRISE_ID) == null ? null : num(task, ReviewContract.ENTERPRISE_ID, false);
        jdbc.update("insert into work_item (task_id, process_instance_id, kind, subject_id, period_code, city_code, county_code,"
                        + " industry_division, enterprise_id, enterprise_name, uscc, task_key, candidate_group, state, has_warnings,"
                        + " submitted_at, due_at, claimed_by, claimed_at, returned_by_province, return_comment, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                task.getId(), task.getProcessInstanceId(), kind, subjectId, str(task, ReviewContract.PERIOD_CODE, false), cityCode,
                str(task, ReviewContract.COUNTY_CODE, false), str(task, ReviewContract.INDUSTRY_DIVISION, false), enterpriseId,
                cut(str(task, ReviewContract.ENTERPRISE_NAME, false), 100), cut(str(task, ReviewContract.USCC, false), 18),
                task.getTaskDefinitionKey(), group, PROVINCE_GROUP.equals(group) ? "PENDING_PROVINCE" : "PENDING_CITY",
                bool(task.getVariable(ReviewContract.HAS_WARNINGS)), ts(submitted), ts(due), task.getAssignee(),
                task.getAssignee() == null ? null : ts(now), returnedByProvince, cut(returnComment, 1000), ts(now));
    }

    /** Claim, release, transfer (转办), delegation (委派: the owner stays, the delegate holds it) and its resolution. */
    private void assigned(TaskEntity task) {
        String assignee = task.getAssignee();
        boolean delegated = task.getDelegationState() == DelegationState.PENDING;
        jdbc.update("update work_item set claimed_by = ?, claimed_at = ?, owner_username = ?, delegated = ? where task_id = ?",
                assignee, assignee == null ? null : ts(clock.instant()), delegated ? task.getOwner() : null, delegated,
                task.getId());
    }

    private void completed(TaskEntity task) {
        // the engine's user is the signed-in user (SignedInUserAuthenticationContext): "system" only for a job
        String by = task.getAssignee() != null ? task.getAssignee() : Authentication.getAuthenticatedUserId();
        if (by == null) {
            by = "system";
        }
        String decision = str(task, ReviewContract.DECISION, false);
        String returnTo = Decision.RETURN.name().equals(decision) ? str(task, ReviewContract.RETURN_TO, false) : null;
        if (Decision.RETURN.name().equals(decision) && returnTo == null) {
            returnTo = ReturnTo.ENTERPRISE.name();
        }
        int n = jdbc.update("insert into work_item_done (task_id, process_instance_id, kind, subject_id, period_code, city_code,"
                        + " county_code, industry_division, enterprise_id, enterprise_name, uscc, task_key, candidate_group, state,"
                        + " has_warnings, submitted_at, completed_by, decision, return_to, comment, completed_at)"
                        + " select task_id, process_instance_id, kind, subject_id, period_code, city_code, county_code,"
                        + " industry_division, enterprise_id, enterprise_name, uscc, task_key, candidate_group, state,"
                        + " has_warnings, submitted_at, ?, ?, ?, ?, ? from work_item where task_id = ?",
                cut(by, 64), decision, returnTo, cut(str(task, ReviewContract.COMMENT, false), 1000), ts(clock.instant()), task.getId());
        if (n > 0) {
            jdbc.update("delete from work_item where task_id = ?", task.getId());
        } else {
            log.debug("completed task {} ({}) is not a reviewer task", task.getId(), task.getTaskDefinitionKey());
        }
    }

    private static String str(TaskEntity task, String name, boolean required) {
        Object v = task.getVariable(name);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw new IllegalStateException("review contract: process variable '" + name + "' missing for task "
                        + task.getTaskDefinitionKey() + " of process " + task.getProcessInstanceId());
            }
            return null;
        }
        return v.toString();
    }

    private static long num(TaskEntity task, String name, boolean required) {
        Object v = task.getVariable(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        String s = str(task, name, required);
        return s == null ? 0L : Long.parseLong(s.trim());
    }

    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : v != null && Set.of("true", "1", "yes").contains(v.toString().toLowerCase());
    }

    private static Instant instant(Object v) {
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Instant.parse(s);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public boolean isFailOnException() {
        // a projection that cannot be written must roll the engine step back, or the inbox would lie
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
