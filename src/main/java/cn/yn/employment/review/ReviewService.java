package cn.yn.employment.review;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.ConflictException;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Person;
import cn.yn.employment.common.security.PersonDirectory;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.review.internal.InboxQueries;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.task.Comment;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reviewer's inbox and actions. Every method checks role (city or province reviewer) and scope (the user's
 * candidate group: {@code city:<code>} or {@code province}). Lists and counts read the projection only; actions go
 * through Flowable's {@code TaskService} with the review contract's variables. Each action is one transaction that
 * first locks the work item row, so of two reviewers acting on one task exactly one succeeds and the other gets
 * {@code review.error.alreadyHandled}.
 */
@Service
public class ReviewService {

    public static final int MAX_PAGE = 200;
    public static final int MAX_BULK = 1000;
    /** Items of a bulk action committed together (see bulkChunk); 1 = one transaction per item. */
    private int bulkChunk = 50;
    /** Chunks run at once (at most the pool's app.review.bulk-parallelism); 1 = one after the other. */
    private int bulkParallelism = Integer.MAX_VALUE;
    public static final String COMMENT_TYPE = "review";
    /** The API's error code for acting on a task someone already completed (409). */
    public static final String ALREADY_HANDLED = "review.alreadyHandled";
    private static final java.time.format.DateTimeFormatter HANDLED_AT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(cn.yn.employment.common.time.TimeConfig.ZONE);

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final CurrentUserProvider users;
    private final InboxQueries queries;
    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final HistoryService history;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ReviewMetrics metrics;
    private final PersonDirectory people;
    private final cn.yn.employment.review.internal.ParallelChunks chunks;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    ReviewService(CurrentUserProvider users, InboxQueries queries, JdbcTemplate jdbc, TaskService tasks,
                  HistoryService history, AuditLog audit, Clock clock, PlatformTransactionManager txManager,
                  ReviewMetrics metrics, PersonDirectory people, cn.yn.employment.review.internal.ParallelChunks chunks) {
        this.people = people;
        this.chunks = chunks;
        this.users = users;
        this.queries = queries;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.metrics = metrics;
    }

    // ---------------------------------------------------------------- inbox

    public InboxPage inbox(InboxTab tab, InboxFilter filter, Cursor after, int limit) {
        CurrentUser u = reviewer();
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return metrics.page(() -> queries.page(tab, u.candidateGroups(), u.username(), orNone(filter), after, size, clock.instant()));
    }

    public long count(InboxTab tab, InboxFilter filter) {
        CurrentUser u = reviewer();
        return metrics.count(() -> queries.count(tab, u.candidateGroups(), u.username(), orNone(filter), clock.instant()));
    }

    /** Unfiltered counts per tab for the current user (home panel, tab badges). */
    public InboxCounts counts() {
        CurrentUser u = reviewer();
        Instant now = clock.instant();
        InboxFilter none = InboxFilter.none();
        return metrics.count(() -> new InboxCounts(queries.count(InboxTab.TODO, u.candidateGroups(), u.username(), none, now),
                queries.count(InboxTab.DONE, u.candidateGroups(), u.username(), none, now),
                queries.count(InboxTab.RETURNED, u.candidateGroups(), u.username(), none, now)));
    }

    /** Task ids of the open items matching a filter, for "all matching" bulk actions (at most {@link #MAX_BULK}). */
    public List<String> matchingTaskIds(InboxTab tab, InboxFilter filter) {
        CurrentUser u = reviewer();
        return queries.openTaskIds(tab, u.candidateGroups(), u.username(), orNone(filter), clock.instant(), MAX_BULK);
    }

    /** One item, open or done, if it is in the user's group; otherwise not found, whether it exists or not. */
    public WorkItem item(String taskId) {
        CurrentUser u = reviewer();
        return queries.open(taskId, clock.instant()).or(() -> queries.done(taskId))
                .filter(item -> inGroup(u, item))
                .orElseThrow(ReviewService::notFound);
    }

    // ---------------------------------------------------------------- actions

    public void claim(String taskId) {
        CurrentUser u = reviewer();
        inTx(() -> {
            WorkItem item = lock(u, taskId);
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

    public void release(String taskId) {
        CurrentUser u = reviewer();
        inTx(() -> {
            WorkItem item = lock(u, taskId);
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

    public void approve(String taskId, String comment) {
        CurrentUser u = reviewer();
        complete(u, taskId, Decision.APPROVE, null, TextInput.checked("comment", comment));
    }

    /** Returns with a required reason; a city reviewer may only return to the enterprise. */
    public void returnTask(String taskId, ReturnTo to, String input) {
        CurrentUser u = reviewer();
        String reason = TextInput.checked("reason", input);
        requireReason(reason);
        complete(u, taskId, Decision.RETURN, to == null ? ReturnTo.ENTERPRISE : to, reason.trim());
    }

    /**
     * Approves or returns many items in chunks, each chunk one transaction (an item whose engine step fails is redone
     * alone, see bulkChunk); one failing does not stop the rest. Items with
     * warnings are approved only when their id is in {@code confirmedWarnings}. Progress is reported after each item.
     */
    public List<BulkResult> bulk(BulkAction action, List<String> taskIds, ReturnTo returnTo, String input,
                                 Set<String> confirmedWarnings, Consumer<BulkProgress> progress) {
        CurrentUser u = reviewer();
        String reason = TextInput.checked("reason", input);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(taskIds));
        if (ids.size() > MAX_BULK) {
            throw new DomainException("review.bulk.tooMany", MAX_BULK);
        }
        if (action == BulkAction.RETURN) {
            requireReason(reason);
        }
        Set<String> confirmed = confirmedWarnings == null ? Set.of() : new HashSet<>(confirmedWarnings);
        List<BulkResult> results = new ArrayList<>(ids.size());
        // chunks overlap on a small pool (ParallelChunks); results and progress come back here, in item order
        chunks.run(ids, bulkChunk, bulkParallelism, chunk -> bulkChunk(u, action, chunk, returnTo, reason, confirmed), r -> {
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
    private List<BulkResult> bulkChunk(CurrentUser u, BulkAction action, List<String> chunk, ReturnTo returnTo, String reason,
                                       Set<String> confirmed) {
        if (chunk.size() > 1) {
            try {
                List<WorkItem> decided = new ArrayList<>(chunk.size());
                List<BulkResult> results = tx.execute(s -> {
                    Instant now = clock.instant();
                    List<BulkResult> out = new ArrayList<>(chunk.size());
                    for (String id : chunk) {
                        WorkItem item = queries.lockOpen(id, now).orElse(null);
                        BulkResult refused = refusal(u, action, id, item, confirmed);
                        if (refused != null) {
                            out.add(refused);
                            continue;
                        }
                        if (action == BulkAction.APPROVE) {
                            decide(u, item, id, Decision.APPROVE, null, null);
                        } else {
                            decide(u, item, id, Decision.RETURN, returnTo == null ? ReturnTo.ENTERPRISE : returnTo, reason.trim());
                        }
                        decided.add(item);
                        out.add(BulkResult.ok(id, item.enterpriseName()));
                    }
                    return out;
                });
                Decision decision = action == BulkAction.APPROVE ? Decision.APPROVE : Decision.RETURN;
                decided.forEach(item -> metrics.decided(decision, item.isProvinceTask(), item.kind()));
                return results;
            } catch (RuntimeException e) {
                log.info("bulk {} of {} items rolled back ({}); doing them one by one", action, chunk.size(), e.toString());
            }
        }
        List<BulkResult> out = new ArrayList<>(chunk.size());
        for (String id : chunk) {
            out.add(bulkOne(u, action, id, returnTo, reason, confirmed));
        }
        return out;
    }

    /** Why an item of a bulk action is refused before any engine step, or null when it may go ahead. */
    private BulkResult refusal(CurrentUser u, BulkAction action, String id, WorkItem item, Set<String> confirmed) {
        if (item == null || !inGroup(u, item)) {
            // another group's item reads exactly like one that does not exist (no name, same key)
            return handledInGroup(u, id) ? BulkResult.failed(id, null, "review.error.alreadyHandled")
                    : BulkResult.failed(id, null, NotFoundException.DEFAULT_KEY);
        }
        if (action == BulkAction.APPROVE && item.hasWarnings() && !confirmed.contains(id)) {
            return BulkResult.failed(id, item.enterpriseName(), "review.bulk.needsConfirmation");
        }
        return null;
    }

    private BulkResult bulkOne(CurrentUser u, BulkAction action, String id, ReturnTo returnTo, String reason, Set<String> confirmed) {
        WorkItem item = queries.open(id, clock.instant()).orElse(null);
        BulkResult refused = refusal(u, action, id, item, confirmed);
        if (refused != null) {
            return refused;
        }
        try {
            if (action == BulkAction.APPROVE) {
                complete(u, id, Decision.APPROVE, null, null);
            } else {
                complete(u, id, Decision.RETURN, returnTo == null ? ReturnTo.ENTERPRISE : returnTo, reason.trim());
            }
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

    private void complete(CurrentUser u, String taskId, Decision decision, ReturnTo returnTo, String comment) {
        WorkItem item;
        try {
            item = inTx(() -> {
                WorkItem locked = lock(u, taskId);
                decide(u, locked, taskId, decision, returnTo, comment);
                return locked;
            });
        } catch (DomainException e) {
            if ("review.error.alreadyHandled".equals(e.messageKey())) {
                throw alreadyHandled(taskId); // the winner has committed by now: name them
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
    public String openTaskOf(String kind, long subjectId) {
        CurrentUser u = reviewer();
        Instant now = clock.instant();
        List<WorkItem> open = queries.openOfSubject(kind, subjectId, now);
        java.util.Optional<WorkItem> mine = open.stream().filter(w -> inGroup(u, w)).findFirst();
        if (mine.isPresent()) {
            return mine.get().taskId();
        }
        List<WorkItem> doneInMyGroup = queries.doneOfSubject(kind, subjectId).stream()
                .filter(w -> inGroup(u, w)).toList();
        if (!doneInMyGroup.isEmpty()) {
            throw handledBy(doneInMyGroup.get(doneInMyGroup.size() - 1));
        }
        throw notFound();
    }

    /** The decision on a locked work item, inside the caller's transaction. */
    private void decide(CurrentUser u, WorkItem item, String taskId, Decision decision, ReturnTo returnTo, String comment) {
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
                tasks.addComment(taskId, item.processInstanceId(), COMMENT_TYPE, trimmed);
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

    // ---------------------------------------------------------------- timeline

    /**
     * Everything that happened to a subject in the review chains: submissions, decisions, comments, and where it
     * waits now. Empty for a subject outside the user's scope, as for one that never reached review.
     */
    public List<TimelineEntry> timeline(String kind, long subjectId) {
        CurrentUser u = reviewer();
        Instant now = clock.instant();
        List<WorkItem> open = queries.openOfSubject(kind, subjectId, now);
        List<WorkItem> done = queries.doneOfSubject(kind, subjectId);
        boolean visible = java.util.stream.Stream.concat(open.stream(), done.stream())
                .anyMatch(w -> u.scope().coversCity(w.cityCode()));
        if ((!open.isEmpty() || !done.isEmpty()) && !visible) {
            return List.of(); // another city's subject reads like one that was never reviewed
        }
        return timelineOf(kind, subjectId);
    }

    /**
     * The timeline without the caller checks: for {@link Copies#timeline}, whose caller has checked that the user is
     * the recipient of a copy of this subject. Names every actor by name and unit.
     */
    List<TimelineEntry> timelineOf(String kind, long subjectId) {
        Instant now = clock.instant();
        List<WorkItem> open = queries.openOfSubject(kind, subjectId, now);
        List<WorkItem> done = queries.doneOfSubject(kind, subjectId);
        if (open.isEmpty() && done.isEmpty()) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        Set<String> reviewerTaskIds = new HashSet<>();
        done.forEach(d -> reviewerTaskIds.add(d.taskId()));
        open.forEach(o -> reviewerTaskIds.add(o.taskId()));
        Set<String> processes = new LinkedHashSet<>();
        // one time source for ordering: the engine's own history (the projection's times come from the app clock)
        Map<String, Instant> engineEnd = new java.util.HashMap<>();
        done.forEach(d -> processes.add(d.processInstanceId()));
        open.forEach(o -> processes.add(o.processInstanceId()));
        for (String pi : processes) {
            HistoricProcessInstance hpi = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
            if (hpi != null) {
                entries.add(new TimelineEntry(hpi.getStartTime().toInstant(), "SUBMITTED", hpi.getStartUserId(), null, null, null));
            }
            for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pi).finished().list()) {
                if (t.getEndTime() != null) {
                    engineEnd.put(t.getId(), t.getEndTime().toInstant());
                }
                if (!reviewerTaskIds.contains(t.getId()) && t.getEndTime() != null) {
                    entries.add(new TimelineEntry(t.getEndTime().toInstant(), "RESUBMITTED",
                            t.getCompletedBy() != null ? t.getCompletedBy() : t.getAssignee(), t.getTaskDefinitionKey(), null, null));
                }
            }
            for (Comment c : tasks.getProcessInstanceComments(pi)) {
                if (!COMMENT_TYPE.equals(c.getType())) {
                    entries.add(new TimelineEntry(c.getTime().toInstant(), "COMMENT", c.getUserId(), null, null, c.getFullMessage()));
                }
            }
        }
        for (WorkItem d : done) {
            entries.add(new TimelineEntry(engineEnd.getOrDefault(d.taskId(), d.completedAt()), Decision.RETURN.name().equals(d.decision()) ? "RETURNED" : "APPROVED",
                    d.completedBy(), d.taskKey(), d.returnTo(), d.comment()));
        }
        for (WorkItem o : open) {
            entries.add(new TimelineEntry(o.submittedAt(), "PENDING", o.claimedBy(), o.taskKey(), null, null));
        }
        entries.addAll(handovers(kind, subjectId));
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return named(entries);
    }

    /** Transfers, delegations, their resolutions and copies of the subject's items. */
    private List<TimelineEntry> handovers(String kind, long subjectId) {
        List<TimelineEntry> out = new ArrayList<>(jdbc.query("select created_at, action, from_username, to_username, reason"
                        + " from work_item_handover where kind = ? and subject_id = ?",
                (rs, i) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), HANDOVER_TYPES.get(rs.getString(2)), rs.getString(3),
                        null, null, null, rs.getString(5), rs.getString(4), null), kind, subjectId));
        out.addAll(jdbc.query("select created_at, from_username, to_username, reason, task_key from work_item_copy"
                        + " where kind = ? and subject_id = ?",
                (rs, i) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), "COPIED", rs.getString(2), null,
                        rs.getString(5), null, rs.getString(4), rs.getString(3), null), kind, subjectId));
        return out;
    }

    private static final Map<String, String> HANDOVER_TYPES = Map.of(HandoverAction.TRANSFER.name(), "TRANSFERRED",
            HandoverAction.DELEGATE.name(), "DELEGATED", HandoverAction.RESOLVE.name(), "RESOLVED");

    private List<TimelineEntry> named(List<TimelineEntry> entries) {
        Set<String> names = new HashSet<>();
        entries.forEach(e -> {
            names.add(e.actor());
            names.add(e.target());
        });
        names.remove(null);
        Map<String, Person> found = people.findAll(names);
        return entries.stream().map(e -> e.withNames(label(found, e.actor()), label(found, e.target()))).toList();
    }

    private static String label(Map<String, Person> found, String username) {
        if (username == null) {
            return null;
        }
        Person p = found.get(username);
        return p == null ? username : p.label();
    }

    // ---------------------------------------------------------------- saved filters

    public SavedFilter saveFilter(String input, InboxFilter inputFilter, boolean shared) {
        CurrentUser u = reviewer();
        TextInput in = new TextInput();
        String name = in.text("name", input);
        InboxFilter filter = inputFilter == null ? null : inputFilter.checkedText(in);
        in.throwIfInvalid();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw new DomainException("review.filter.nameRequired",
                    List.of(new DomainException.FieldError("name", "review.filter.nameRequired")));
        }
        String body = toJson(orNone(filter));
        String team = team(u);
        return inTx(() -> {
            jdbc.update("delete from saved_filter where owner_username = ? and name = ?", u.username(), n);
            jdbc.update("insert into saved_filter (name, owner_username, team_group, shared, filter_json, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)", n, u.username(), team, shared, body, Timestamp.from(clock.instant()));
            Long id = jdbc.queryForObject("select id from saved_filter where owner_username = ? and name = ?", Long.class,
                    u.username(), n);
            audit.record("REVIEW_FILTER_SAVE", "SAVED_FILTER", String.valueOf(id), null, Map.of("name", n, "shared", shared));
            return new SavedFilter(id, n, u.username(), shared, orNone(filter));
        });
    }

    /** The user's own filters and those shared in the team (same candidate group), by name. */
    public List<SavedFilter> savedFilters() {
        CurrentUser u = reviewer();
        return jdbc.query("select id, name, owner_username, shared, filter_json from saved_filter"
                        + " where owner_username = ? or (shared = true and team_group = ?) order by name, id",
                (rs, i) -> new SavedFilter(rs.getLong("id"), rs.getString("name"), rs.getString("owner_username"),
                        rs.getBoolean("shared"), fromJson(rs.getString("filter_json"))),
                u.username(), team(u));
    }

    public void deleteFilter(long id) {
        CurrentUser u = reviewer();
        inTx(() -> {
            List<String> owner = jdbc.queryForList("select owner_username from saved_filter where id = ?", String.class, id);
            if (owner.isEmpty() || !owner.get(0).equals(u.username())) {
                throw notFound(); // someone else's filter (even a shared one) reads like a missing one
            }
            jdbc.update("delete from saved_filter where id = ?", id);
            audit.record("REVIEW_FILTER_DELETE", "SAVED_FILTER", String.valueOf(id), null, null);
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers

    private CurrentUser reviewer() {
        CurrentUser u = Access.requireAny(users.require(), Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER);
        if (u.candidateGroups().isEmpty()) {
            throw new AccessDeniedException("no reviewer scope");
        }
        return u;
    }

    private static String team(CurrentUser u) {
        return u.candidateGroups().iterator().next();
    }

    private static boolean inGroup(CurrentUser u, WorkItem item) {
        return u.candidateGroups().contains(item.candidateGroup());
    }

    private static NotFoundException notFound() {
        return new NotFoundException();
    }

    /** A completed task of the user's group: losing a race is "already handled", not "not found". */
    private boolean handledInGroup(CurrentUser u, String taskId) {
        return queries.done(taskId).filter(d -> inGroup(u, d)).isPresent();
    }

    /**
     * The open item, locked, if it is in the user's group. Gone but completed in the group: already handled (a
     * lost race). Otherwise, existing in another group or not at all: not found, the same answer either way.
     */
    private WorkItem lock(CurrentUser u, String taskId) {
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
    private ConflictException alreadyHandled(String taskId) {
        return queries.done(taskId).map(ReviewService::handledBy)
                .orElseGet(() -> new ConflictException(ALREADY_HANDLED, "review.error.alreadyHandled", Map.of()));
    }

    private static ConflictException handledBy(WorkItem done) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("handledBy", done.completedBy());
        details.put("handledAt", done.completedAt());
        details.put("decision", done.decision());
        String at = done.completedAt() == null ? "" : HANDLED_AT.format(done.completedAt());
        return new ConflictException(ALREADY_HANDLED, "review.error.alreadyHandledBy", details, done.completedBy(), at);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("review.error.reasonRequired",
                    List.of(new DomainException.FieldError("reason", "review.error.reasonRequired")));
        }
    }

    private static InboxFilter orNone(InboxFilter f) {
        return f == null ? InboxFilter.none() : f;
    }

    /** Runs in one transaction; losing a race to another reviewer becomes a clear domain error, never a 500. */
    private <T> T inTx(Supplier<T> work) {
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

    private String toJson(InboxFilter f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private InboxFilter fromJson(String s) {
        try {
            return json.readValue(s, InboxFilter.class);
        } catch (JsonProcessingException e) {
            log.warn("unreadable saved filter {}", s);
            return InboxFilter.none();
        }
    }

    static Collection<String> groupsOf(CurrentUser u) {
        return u.candidateGroups();
    }
}
