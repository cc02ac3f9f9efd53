package cn.yn.employment.review;

import static cn.yn.employment.review.ReviewerGuard.inGroup;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.review.internal.InboxQueries;
import cn.yn.employment.review.internal.ParallelChunks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Approving or returning many items at once (批量): chunks of {@link #bulkChunk} items per transaction, a failed chunk
 * redone item by item so each item still ends ok or with its own reason, and one audit entry for the whole action.
 */
@Component
class BulkReview {

    private static final Logger log = LoggerFactory.getLogger(BulkReview.class);

    /** Items of a bulk action committed together (see bulkChunk); 1 = one transaction per item. */
    private int bulkChunk = 50;
    /** Chunks run at once (at most the pool's app.review.bulk-parallelism); 1 = one after the other. */
    private int bulkParallelism = Integer.MAX_VALUE;

    private final ReviewerGuard guard;
    private final ReviewActions actions;
    private final InboxQueries queries;
    private final AuditLog audit;
    private final Clock clock;
    private final ReviewMetrics metrics;
    private final ParallelChunks chunks;

    BulkReview(ReviewerGuard guard, ReviewActions actions, InboxQueries queries, AuditLog audit, Clock clock, ReviewMetrics metrics,
               ParallelChunks chunks) {
        this.chunks = chunks;
        this.guard = guard;
        this.actions = actions;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Approves or returns many items; one failing does not stop the rest. Items with warnings are approved only when
     * their id is in {@code confirmedWarnings}. Progress is reported after each item.
     */
    List<BulkResult> bulk(BulkAction action, List<String> taskIds, ReturnTo returnTo, String input,
                          Set<String> confirmedWarnings, Consumer<BulkProgress> progress) {
        CurrentUser u = guard.reviewer();
        String reason = TextInput.checked("reason", input);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(taskIds));
        if (ids.size() > ReviewService.MAX_BULK) {
            throw new DomainException("review.bulk.tooMany", ReviewService.MAX_BULK);
        }
        if (action == BulkAction.RETURN) {
            ReviewerGuard.requireReason(reason);
        }
        Set<String> confirmed = confirmedWarnings == null ? Set.of() : new HashSet<>(confirmedWarnings);
        Decision decision = action == BulkAction.APPROVE ? Decision.APPROVE : Decision.RETURN;
        ReturnTo to = decision == Decision.APPROVE ? null : returnTo == null ? ReturnTo.ENTERPRISE : returnTo;
        String why = decision == Decision.APPROVE ? null : reason.trim();
        List<BulkResult> results = new ArrayList<>(ids.size());
        // chunks overlap on a small pool (ParallelChunks); results and progress come back here, in item order
        chunks.run(ids, bulkChunk, bulkParallelism, chunk -> chunk(u, action, decision, chunk, to, why, confirmed), r -> {
            results.add(r);
            if (progress != null) {
                progress.accept(new BulkProgress(results.size(), ids.size(), r));
            }
        });
        int ok = (int) results.stream().filter(BulkResult::ok).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("action", action.name());
        summary.put("total", ids.size());
        summary.put("ok", ok);
        summary.put("failed", ids.size() - ok);
        audit.record("REVIEW_BULK", "WORK_ITEM", null, null, summary);
        return results;
    }

    /**
     * A chunk of a bulk action in one transaction: one commit (one WAL flush) for the chunk instead of one per item,
     * which is most of an item's cost on PostgreSQL. Items that fail the checks (gone, out of scope, unconfirmed
     * warning) get their reason without touching the engine. If any engine step fails, the whole chunk is rolled back
     * and its items are done again one by one, each in its own transaction, so each still ends ok or with its own
     * reason and nothing is half done.
     */
    private List<BulkResult> chunk(CurrentUser u, BulkAction action, Decision decision, List<String> chunk, ReturnTo to,
                                   String why, Set<String> confirmed) {
        if (chunk.size() > 1) {
            try {
                List<WorkItem> decided = new ArrayList<>(chunk.size());
                List<BulkResult> results = guard.tx().execute(s -> {
                    Instant now = clock.instant();
                    List<BulkResult> out = new ArrayList<>(chunk.size());
                    for (String id : chunk) {
                        WorkItem item = queries.lockOpen(id, now).orElse(null);
                        BulkResult refused = refusal(u, action, id, item, confirmed);
                        if (refused != null) {
                            out.add(refused);
                            continue;
                        }
                        actions.decide(u, item, id, decision, to, why);
                        decided.add(item);
                        out.add(BulkResult.ok(id, item.enterpriseName()));
                    }
                    return out;
                });
                decided.forEach(item -> metrics.decided(decision, item.isProvinceTask(), item.kind()));
                return results;
            } catch (RuntimeException e) {
                log.info("bulk {} of {} items rolled back ({}); doing them one by one", action, chunk.size(), e.toString());
            }
        }
        List<BulkResult> out = new ArrayList<>(chunk.size());
        for (String id : chunk) {
            out.add(one(u, action, decision, id, to, why, confirmed));
        }
        return out;
    }

    /** Why an item of a bulk action is refused before any engine step, or null when it may go ahead. */
    private BulkResult refusal(CurrentUser u, BulkAction action, String id, WorkItem item, Set<String> confirmed) {
        if (item == null || !inGroup(u, item)) {
            // another group's item reads exactly like one that does not exist (no name, same key)
            return guard.handledInGroup(u, id) ? BulkResult.failed(id, null, "review.error.alreadyHandled")
                    : BulkResult.failed(id, null, NotFoundException.DEFAULT_KEY);
        }
        if (action == BulkAction.APPROVE && item.hasWarnings() && !confirmed.contains(id)) {
            return BulkResult.failed(id, item.enterpriseName(), "review.bulk.needsConfirmation");
        }
        return null;
    }

    private BulkResult one(CurrentUser u, BulkAction action, Decision decision, String id, ReturnTo to, String why,
                           Set<String> confirmed) {
        WorkItem item = queries.open(id, clock.instant()).orElse(null);
        BulkResult refused = refusal(u, action, id, item, confirmed);
        if (refused != null) {
            return refused;
        }
        try {
            actions.complete(u, id, decision, to, why);
            return BulkResult.ok(id, item.enterpriseName());
        } catch (DomainException e) {
            return BulkResult.failed(id, item.enterpriseName(), e.messageKey(), e.args());
        } catch (NotFoundException e) {
            return BulkResult.failed(id, null, e.messageKey(), e.args());
        } catch (AccessDeniedException e) {
            return BulkResult.failed(id, item.enterpriseName(), "review.error.outOfScope");
        } catch (RuntimeException e) {
            log.warn("bulk {} of task {} failed", action, id, e);
            return BulkResult.failed(id, item.enterpriseName(), "review.error.unexpected", String.valueOf(e.getMessage()));
        }
    }
}
