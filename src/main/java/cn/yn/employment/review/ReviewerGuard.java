package cn.yn.employment.review;

import cn.yn.employment.common.ConflictException;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.review.internal.InboxQueries;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every reviewer operation checks first, in one place: the caller is a reviewer with a candidate group, the item
 * is in that group (another group's item reads like a missing one), the row lock of an action, and the answers for a
 * lost race ("already handled", naming who won) — shared by {@link ReviewActions}, {@link BulkReview},
 * {@link ReviewTimeline} and {@link SavedFilters}.
 */
@Component
class ReviewerGuard {

    private static final Logger log = LoggerFactory.getLogger(ReviewerGuard.class);
    private static final DateTimeFormatter HANDLED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfig.ZONE);

    private final CurrentUserProvider users;
    private final InboxQueries queries;
    private final Clock clock;
    private final TransactionTemplate tx;

    ReviewerGuard(CurrentUserProvider users, InboxQueries queries, Clock clock, PlatformTransactionManager txManager) {
        this.users = users;
        this.queries = queries;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    CurrentUser reviewer() {
        CurrentUser u = Access.requireAny(users.require(), Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER);
        if (u.candidateGroups().isEmpty()) {
            throw new AccessDeniedException("no reviewer scope");
        }
        return u;
    }

    TransactionTemplate tx() {
        return tx;
    }

    static String team(CurrentUser u) {
        return u.candidateGroups().iterator().next();
    }

    static boolean inGroup(CurrentUser u, WorkItem item) {
        return u.candidateGroups().contains(item.candidateGroup());
    }

    static NotFoundException notFound() {
        return new NotFoundException();
    }

    /** A completed task of the user's group: losing a race is "already handled", not "not found". */
    boolean handledInGroup(CurrentUser u, String taskId) {
        return queries.done(taskId).filter(d -> inGroup(u, d)).isPresent();
    }

    /**
     * The open item, locked, if it is in the user's group. Gone but completed in the group: already handled (a
     * lost race). Otherwise, existing in another group or not at all: not found, the same answer either way.
     */
    WorkItem lock(CurrentUser u, String taskId) {
        WorkItem item = queries.lockOpen(taskId, clock.instant()).filter(i -> inGroup(u, i)).orElse(null);
        if (item == null) {
            if (handledInGroup(u, taskId)) {
                throw alreadyHandled(taskId); // a lost race: name who won
            }
            throw notFound();
        }
        return item;
    }

    /**
     * The answer for acting on a task that is no longer open: 409 naming who completed it and when (from the
     * projection's done row, written in the same transaction as the completion), whoever asks and in whatever order.
     */
    ConflictException alreadyHandled(String taskId) {
        return queries.done(taskId).map(ReviewerGuard::handledBy)
                .orElseGet(() -> new ConflictException(ReviewService.ALREADY_HANDLED, "review.error.alreadyHandled", Map.of()));
    }

    static ConflictException handledBy(WorkItem done) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("handledBy", done.completedBy());
        details.put("handledAt", done.completedAt());
        details.put("decision", done.decision());
        String at = done.completedAt() == null ? "" : HANDLED_AT.format(done.completedAt());
        return new ConflictException(ReviewService.ALREADY_HANDLED, "review.error.alreadyHandledBy", details, done.completedBy(), at);
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("review.error.reasonRequired",
                    List.of(new DomainException.FieldError("reason", "review.error.reasonRequired")));
        }
    }

    static InboxFilter orNone(InboxFilter f) {
        return f == null ? InboxFilter.none() : f;
    }

    /** Runs in one transaction; losing a race to another reviewer becomes a clear domain error, never a 500. */
    <T> T inTx(Supplier<T> work) {
        try {
            return tx.execute(s -> work.get());
        } catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException | OptimisticLockingFailureException
                 | PessimisticLockingFailureException e) {
            log.info("review action lost a race: {}", e.toString());
            throw new DomainException("review.error.alreadyHandled");
        } catch (FlowableTaskAlreadyClaimedException e) {
            throw new DomainException("review.error.claimedByOther", "");
        }
    }
}
