package cn.yn.employment.review;

import static cn.yn.employment.review.ReviewerGuard.inGroup;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.review.internal.InboxQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The reviewer's actions on one work item: claim, release, approve, return. Each is one transaction that first locks
 * the work item row, so of two reviewers acting on one task exactly one succeeds and the other gets
 * {@code review.error.alreadyHandled} (naming who won). Completion goes through Flowable's {@code TaskService} with the
 * review contract's variables; the chain's own listener writes the decision's audit entry.
 */
@Component
class ReviewActions {

    private final ReviewerGuard guard;
    private final InboxQueries queries;
    private final TaskService tasks;
    private final AuditLog audit;
    private final Clock clock;
    private final ReviewMetrics metrics;

    ReviewActions(ReviewerGuard guard, InboxQueries queries, TaskService tasks, AuditLog audit, Clock clock, ReviewMetrics metrics) {
        this.guard = guard;
        this.queries = queries;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    void claim(String taskId) {
        CurrentUser u = guard.reviewer();
        guard.inTx(() -> {
            WorkItem item = guard.lock(u, taskId);
            if (item.claimedBy() != null) {
                if (item.claimedBy().equals(u.username())) {
                    return null;
                }
                throw new DomainException("review.error.claimedByOther", item.claimedBy());
            }
            tasks.claim(taskId, u.username());
            audit.record("REVIEW_CLAIM", item.kind(), Long.toString(item.subjectId()), null, Map.of("taskId", taskId));
            return null;
        });
    }

    void release(String taskId) {
        CurrentUser u = guard.reviewer();
        guard.inTx(() -> {
            WorkItem item = guard.lock(u, taskId);
            if (item.claimedBy() == null) {
                return null;
            }
            if (!item.claimedBy().equals(u.username())) {
                throw new DomainException("review.error.claimedByOther", item.claimedBy());
            }
            if (item.delegated()) {
                throw new DomainException("review.handover.resolveFirst");
            }
            tasks.unclaim(taskId);
            audit.record("REVIEW_RELEASE", item.kind(), Long.toString(item.subjectId()), Map.of("taskId", taskId), null);
            return null;
        });
    }

    void approve(String taskId, String comment) {
        CurrentUser u = guard.reviewer();
        complete(u, taskId, Decision.APPROVE, null, TextInput.checked("comment", comment));
    }

    /** Returns with a required reason; a city reviewer may only return to the enterprise. */
    void returnTask(String taskId, ReturnTo to, String input) {
        CurrentUser u = guard.reviewer();
        String reason = TextInput.checked("reason", input);
        ReviewerGuard.requireReason(reason);
        complete(u, taskId, Decision.RETURN, to == null ? ReturnTo.ENTERPRISE : to, reason.trim());
    }

    /** One decision in its own transaction; a lost race names the winner. */
    void complete(CurrentUser u, String taskId, Decision decision, ReturnTo returnTo, String comment) {
        WorkItem item;
        try {
            item = guard.inTx(() -> {
                WorkItem locked = guard.lock(u, taskId);
                decide(u, locked, taskId, decision, returnTo, comment);
                return locked;
            });
        } catch (DomainException e) {
            if ("review.error.alreadyHandled".equals(e.messageKey())) {
                throw guard.alreadyHandled(taskId); // the winner has committed by now: name them
            }
            throw e;
        }
        metrics.decided(decision, item.isProvinceTask(), item.kind());
    }

    /**
     * The open review task of a subject (a report or filing) in the user's group, for actions by subject id (the
     * review API). When the group has no open task of it but did have one, that task was handled already: 409
     * naming who and when, on every retry. A subject that does not exist, has no open task, or whose open task
     * belongs to another group (another city) is one and the same "not found".
     */
    String openTaskOf(String kind, long subjectId) {
        CurrentUser u = guard.reviewer();
        Instant now = clock.instant();
        Optional<WorkItem> mine = queries.openOfSubject(kind, subjectId, now).stream().filter(w -> inGroup(u, w)).findFirst();
        if (mine.isPresent()) {
            return mine.get().taskId();
        }
        List<WorkItem> doneInMyGroup = queries.doneOfSubject(kind, subjectId).stream().filter(w -> inGroup(u, w)).toList();
        if (!doneInMyGroup.isEmpty()) {
            throw ReviewerGuard.handledBy(doneInMyGroup.get(doneInMyGroup.size() - 1));
        }
        throw ReviewerGuard.notFound();
    }

    /** The decision on a locked work item, inside the caller's transaction. */
    void decide(CurrentUser u, WorkItem item, String taskId, Decision decision, ReturnTo returnTo, String comment) {
        if (returnTo == ReturnTo.CITY && !item.isProvinceTask()) {
            throw new DomainException("review.error.cityCannotReturnToCity");
        }
        if (item.delegated()) {
            // the delegate gives an opinion and 交回; the owner decides once it is back
            throw new DomainException(u.username().equals(item.claimedBy()) ? "review.handover.resolveFirst"
                    : "review.handover.delegated", item.owner(), item.claimedBy());
        }
        if (item.claimedBy() != null && !item.claimedBy().equals(u.username())) {
            throw new DomainException("review.error.claimedByOther", item.claimedBy());
        }
        String trimmed = comment == null || comment.isBlank() ? null : comment.trim();
        if (trimmed != null && trimmed.length() > 1000) {
            throw new DomainException("review.error.commentTooLong",
                    List.of(new DomainException.FieldError("reason", "review.error.commentTooLong", 1000)), 1000);
        }
        Authentication.setAuthenticatedUserId(u.username());
        try {
            if (item.claimedBy() == null) {
                tasks.claim(taskId, u.username());
            }
            if (trimmed != null) {
                tasks.addComment(taskId, item.processInstanceId(), ReviewService.COMMENT_TYPE, trimmed);
            }
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put(ReviewContract.DECISION, decision.name());
            vars.put(ReviewContract.RETURN_TO, returnTo == null ? null : returnTo.name());
            vars.put(ReviewContract.COMMENT, trimmed);
            tasks.complete(taskId, vars);
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
        // the chain's own listener writes the decision's audit entry (one per decision), in this transaction
    }
}
