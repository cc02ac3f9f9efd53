package cn.yn.employment.review;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Person;
import cn.yn.employment.common.security.PersonDirectory;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.review.internal.InboxQueries;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.TaskService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 转办 and 委派 of an open work item to a colleague of the same candidate group (a Kunming reviewer hands over only to
 * Kunming reviewers, a province reviewer only to province reviewers), and the delegate's 交回 (resolve). Each needs a
 * reason, locks the work item row first (like every review action), goes through Flowable's {@code TaskService}
 * (setAssignee / delegateTask / resolveTask: the projection follows from the engine's events), and is written to
 * {@code work_item_handover} (the timeline), the audit log and the colleague's notifications.
 */
@Service
public class Handover {

    public static final String NOTIFICATION_TRANSFER = "TRANSFER";
    public static final String NOTIFICATION_DELEGATE = "DELEGATE";

    private final CurrentUserProvider users;
    private final InboxQueries queries;
    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final PersonDirectory people;
    private final NotificationService notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    Handover(CurrentUserProvider users, InboxQueries queries, JdbcTemplate jdbc, TaskService tasks, PersonDirectory people,
             NotificationService notifications, AuditLog audit, Clock clock, PlatformTransactionManager txManager) {
        this.users = users;
        this.queries = queries;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.people = people;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Colleagues an item can be transferred or delegated to: enabled reviewers of its candidate group, not me. */
    public List<Person> colleagues(String taskId) {
        CurrentUser u = reviewer();
        WorkItem item = queries.open(taskId, clock.instant()).filter(i -> ReviewerGuard.inGroup(u, i))
                .orElseThrow(() -> goneOrNotFound(u, taskId));
        return colleaguesOf(item.candidateGroup()).stream().filter(p -> !p.username().equals(u.username())).toList();
    }

    /** 转办: the colleague becomes the item's assignee. Only an item that is mine or unclaimed, and not delegated. */
    public void transfer(String taskId, String toUsername, String reason) {
        CurrentUser u = reviewer();
        String why = Reasons.require(reason);
        inTx(() -> {
            WorkItem item = lock(u, taskId);
            requireMineOrFree(u, item);
            Person to = colleague(u, item, toUsername);
            tasks.setAssignee(taskId, to.username());
            record(item, HandoverAction.TRANSFER, u.username(), to, why);
            notifications.notifyKeys(List.of(to.id()), NOTIFICATION_TRANSFER, "review.notify.transfer.title",
                    "review.notify.transfer.body", InboxLink.PATH, u.displayName(), subject(item), why);
            return null;
        });
    }

    /** 委派: the colleague holds the item until they 交回 it; then it is mine again and I decide. */
    public void delegate(String taskId, String toUsername, String reason) {
        CurrentUser u = reviewer();
        String why = Reasons.require(reason);
        inTx(() -> {
            WorkItem item = lock(u, taskId);
            requireMineOrFree(u, item);
            Person to = colleague(u, item, toUsername);
            if (item.claimedBy() == null) {
                tasks.claim(taskId, u.username()); // the owner the delegation comes back to
            }
            tasks.delegateTask(taskId, to.username());
            record(item, HandoverAction.DELEGATE, u.username(), to, why);
            notifications.notifyKeys(List.of(to.id()), NOTIFICATION_DELEGATE, "review.notify.delegate.title",
                    "review.notify.delegate.body", InboxLink.PATH, u.displayName(), subject(item), why);
            return null;
        });
    }

    /** 交回: the delegate gives the item back to its owner with their opinion. */
    public void resolve(String taskId, String opinion) {
        CurrentUser u = reviewer();
        String why = Reasons.require(opinion);
        inTx(() -> {
            WorkItem item = lock(u, taskId);
            if (!item.delegated() || !u.username().equals(item.claimedBy())) {
                throw new DomainException("review.handover.notDelegatedToYou");
            }
            tasks.resolveTask(taskId);
            Person owner = people.find(item.owner()).orElse(Person.unknown(item.owner()));
            record(item, HandoverAction.RESOLVE, u.username(), owner, why);
            if (owner.id() > 0) {
                notifications.notifyKeys(List.of(owner.id()), NOTIFICATION_DELEGATE, "review.notify.resolve.title",
                        "review.notify.resolve.body", InboxLink.PATH, u.displayName(), subject(item), why);
            }
            return null;
        });
    }

    /** 批量转办: each item on its own, one failing does not stop the rest. */
    public List<BulkResult> transferAll(List<String> taskIds, String toUsername, String reason) {
        CurrentUser u = reviewer();
        Reasons.require(reason);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(taskIds));
        if (ids.size() > ReviewService.MAX_BULK) {
            throw new DomainException("review.bulk.tooMany", ReviewService.MAX_BULK);
        }
        List<BulkResult> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            // the name only of an item in my group: a foreign id must not tell whose it is (ServiceActionMatrixTest)
            String name = queries.open(id, clock.instant()).filter(i -> ReviewerGuard.inGroup(u, i))
                    .map(WorkItem::enterpriseName).orElse(null);
            try {
                transfer(id, toUsername, reason);
                out.add(BulkResult.ok(id, name));
            } catch (DomainException e) {
                out.add(BulkResult.failed(id, name, e.messageKey(), e.args()));
            } catch (NotFoundException e) {
                out.add(BulkResult.failed(id, null, e.messageKey()));
            } catch (AccessDeniedException e) {
                out.add(BulkResult.failed(id, name, "review.error.outOfScope"));
            }
        }
        audit.record("REVIEW_BULK", "WORK_ITEM", null, null, Map.of("action", HandoverAction.TRANSFER.name(),
                "total", ids.size(), "ok", out.stream().filter(BulkResult::ok).count()));
        return out;
    }

    // ---------------------------------------------------------------- helpers

    List<Person> colleaguesOf(String candidateGroup) {
        if (ReviewContract.PROVINCE_GROUP.equals(candidateGroup)) {
            return people.active(Scope.province(), Role.PROVINCE_REVIEWER);
        }
        String city = candidateGroup.substring(ReviewContract.CITY_GROUP_PREFIX.length());
        return people.active(Scope.city(city), Role.CITY_REVIEWER);
    }

    /** The named colleague, refused at the field "to" when unknown, disabled, myself or outside the item's group. */
    private Person colleague(CurrentUser u, WorkItem item, String username) {
        if (username == null || username.isBlank()) {
            throw new DomainException("review.handover.toRequired", List.of(new FieldError("to", "review.handover.toRequired")));
        }
        Person to = people.find(username.trim()).orElse(null);
        if (to == null || !to.enabled()) {
            throw new DomainException("review.handover.unknownUser",
                    List.of(new FieldError("to", "review.handover.unknownUser", username)), username);
        }
        if (to.username().equals(u.username())) {
            throw new DomainException("review.handover.notYourself", List.of(new FieldError("to", "review.handover.notYourself")));
        }
        if (!to.candidateGroups().contains(item.candidateGroup())) {
            throw new DomainException("review.handover.notInScope",
                    List.of(new FieldError("to", "review.handover.notInScope", to.label())), to.label());
        }
        return to;
    }

    private static void requireMineOrFree(CurrentUser u, WorkItem item) {
        if (item.delegated()) {
            throw new DomainException("review.handover.delegated", item.owner(), item.claimedBy());
        }
        if (item.claimedBy() != null && !item.claimedBy().equals(u.username())) {
            throw new DomainException("review.error.claimedByOther", item.claimedBy());
        }
    }

    private void record(WorkItem item, HandoverAction action, String from, Person to, String reason) {
        jdbc.update("insert into work_item_handover (task_id, process_instance_id, kind, subject_id, action, from_username,"
                        + " to_username, reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                item.taskId(), item.processInstanceId(), item.kind(), item.subjectId(), action.name(), from, to.username(),
                reason, Timestamp.from(clock.instant()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("taskId", item.taskId());
        after.put("to", to.username());
        after.put("reason", reason);
        audit.record("REVIEW_" + action.name(), item.kind(), Long.toString(item.subjectId()),
                item.claimedBy() == null ? null : Map.of("assignee", item.claimedBy()), after);
    }

    static String subject(WorkItem item) {
        return (item.enterpriseName() == null ? "#" + item.subjectId() : item.enterpriseName())
                + (item.periodCode() == null ? "" : " " + item.periodCode());
    }

    private CurrentUser reviewer() {
        CurrentUser u = Access.requireAny(users.require(), Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER);
        if (u.candidateGroups().isEmpty()) {
            throw new AccessDeniedException("no reviewer scope");
        }
        return u;
    }

    /**
     * The open item of my group, locked. Another group's item and an id that does not exist get the same "not found"
     * (no id oracle, as {@link ReviewerGuard#lock}); an item my group completed already is "already handled".
     */
    private WorkItem lock(CurrentUser u, String taskId) {
        return queries.lockOpen(taskId, clock.instant()).filter(i -> ReviewerGuard.inGroup(u, i))
                .orElseThrow(() -> goneOrNotFound(u, taskId));
    }

    private RuntimeException goneOrNotFound(CurrentUser u, String taskId) {
        return queries.done(taskId).filter(d -> ReviewerGuard.inGroup(u, d)).isPresent()
                ? new DomainException("review.error.alreadyHandled") : ReviewerGuard.notFound();
    }

    private <T> T inTx(Supplier<T> work) {
        try {
            return tx.execute(s -> work.get());
        } catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException | OptimisticLockingFailureException
                 | PessimisticLockingFailureException e) {
            throw new DomainException("review.error.alreadyHandled");
        }
    }
}
