package cn.yn.employment.review;

import static cn.yn.employment.review.ReviewerGuard.orNone;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.review.internal.InboxQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The reviewer's inbox and actions: the module's entry point. Every method checks role (city or province reviewer)
 * and scope (the user's candidate group: {@code city:<code>} or {@code province}). Lists and counts read the
 * projection here; the rest is done by one class per seam: {@link ReviewActions} (claim, release, approve, return —
 * each one transaction that first locks the work item row, so of two reviewers acting on one task exactly one
 * succeeds and the other gets {@code review.error.alreadyHandled}), {@link BulkReview}, {@link ReviewTimeline} and
 * {@link SavedFilters}; the shared checks are {@link ReviewerGuard}'s.
 */
@Service
public class ReviewService {

    public static final int MAX_PAGE = 200;
    public static final int MAX_BULK = 1000;
    public static final String COMMENT_TYPE = "review";
    /** The API's error code for acting on a task someone already completed (409). */
    public static final String ALREADY_HANDLED = "review.alreadyHandled";

    private final ReviewerGuard guard;
    private final InboxQueries queries;
    private final Clock clock;
    private final ReviewMetrics metrics;
    private final ReviewActions actions;
    private final BulkReview bulk;
    private final ReviewTimeline timeline;
    private final SavedFilters filters;

    ReviewService(ReviewerGuard guard, InboxQueries queries, Clock clock, ReviewMetrics metrics, ReviewActions actions,
                  BulkReview bulk, ReviewTimeline timeline, SavedFilters filters) {
        this.guard = guard;
        this.queries = queries;
        this.clock = clock;
        this.metrics = metrics;
        this.actions = actions;
        this.bulk = bulk;
        this.timeline = timeline;
        this.filters = filters;
    }

    // ---------------------------------------------------------------- inbox

    public InboxPage inbox(InboxTab tab, InboxFilter filter, Cursor after, int limit) {
        CurrentUser u = guard.reviewer();
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return metrics.page(() -> queries.page(tab, u.candidateGroups(), u.username(), orNone(filter), after, size, clock.instant()));
    }

    public long count(InboxTab tab, InboxFilter filter) {
        CurrentUser u = guard.reviewer();
        return metrics.count(() -> queries.count(tab, u.candidateGroups(), u.username(), orNone(filter), clock.instant()));
    }

    /** Unfiltered counts per tab for the current user (home panel, tab badges). */
    public InboxCounts counts() {
        CurrentUser u = guard.reviewer();
        Instant now = clock.instant();
        InboxFilter none = InboxFilter.none();
        return metrics.count(() -> new InboxCounts(queries.count(InboxTab.TODO, u.candidateGroups(), u.username(), none, now),
                queries.count(InboxTab.DONE, u.candidateGroups(), u.username(), none, now),
                queries.count(InboxTab.RETURNED, u.candidateGroups(), u.username(), none, now)));
    }

    /** Task ids of the open items matching a filter, for "all matching" bulk actions (at most {@link #MAX_BULK}). */
    public List<String> matchingTaskIds(InboxTab tab, InboxFilter filter) {
        CurrentUser u = guard.reviewer();
        return queries.openTaskIds(tab, u.candidateGroups(), u.username(), orNone(filter), clock.instant(), MAX_BULK);
    }

    /** One item, open or done, if it is in the user's group; otherwise not found, whether it exists or not. */
    public WorkItem item(String taskId) {
        CurrentUser u = guard.reviewer();
        return queries.open(taskId, clock.instant()).or(() -> queries.done(taskId))
                .filter(item -> ReviewerGuard.inGroup(u, item))
                .orElseThrow(ReviewerGuard::notFound);
    }

    // ---------------------------------------------------------------- actions (ReviewActions, BulkReview)

    public void claim(String taskId) {
        actions.claim(taskId);
    }

    public void release(String taskId) {
        actions.release(taskId);
    }

    public void approve(String taskId, String comment) {
        actions.approve(taskId, comment);
    }

    /** Returns with a required reason; a city reviewer may only return to the enterprise. */
    public void returnTask(String taskId, ReturnTo to, String input) {
        actions.returnTask(taskId, to, input);
    }

    /** The open review task of a subject in the user's group; see {@link ReviewActions#openTaskOf}. */
    public String openTaskOf(String kind, long subjectId) {
        return actions.openTaskOf(kind, subjectId);
    }

    /**
     * Approves or returns many items, in chunks; one failing does not stop the rest. Items with warnings are approved
     * only when their id is in {@code confirmedWarnings}. Progress is reported after each item.
     */
    public List<BulkResult> bulk(BulkAction action, List<String> taskIds, ReturnTo returnTo, String input,
                                 Set<String> confirmedWarnings, Consumer<BulkProgress> progress) {
        return bulk.bulk(action, taskIds, returnTo, input, confirmedWarnings, progress);
    }

    // ---------------------------------------------------------------- timeline (ReviewTimeline)

    /**
     * Everything that happened to a subject in the review chains: submissions, decisions, comments, and where it
     * waits now. Empty for a subject outside the user's scope, as for one that never reached review.
     */
    public List<TimelineEntry> timeline(String kind, long subjectId) {
        return timeline.timeline(kind, subjectId);
    }

    /** The timeline without the caller checks: for {@link Copies#timeline}, whose caller has checked the recipient. */
    List<TimelineEntry> timelineOf(String kind, long subjectId) {
        return timeline.timelineOf(kind, subjectId);
    }

    // ---------------------------------------------------------------- saved filters (SavedFilters)

    public SavedFilter saveFilter(String input, InboxFilter inputFilter, boolean shared) {
        return filters.save(input, inputFilter, shared);
    }

    /** The user's own filters and those shared in the team (same candidate group), by name. */
    public List<SavedFilter> savedFilters() {
        return filters.list();
    }

    public void deleteFilter(long id) {
        filters.delete(id);
    }
}
