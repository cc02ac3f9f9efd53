package cn.yn.employment.review;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Person;
import cn.yn.employment.common.security.PersonDirectory;
import cn.yn.employment.review.internal.InboxQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.task.Comment;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything that happened to a subject in the review chains — submissions, decisions, comments, hand-overs, copies
 * and where it waits now — from the engine's history and the projection, every actor named by name and unit.
 */
@Component
class ReviewTimeline {

    private static final Map<String, String> HANDOVER_TYPES = Map.of(HandoverAction.TRANSFER.name(), "TRANSFERRED",
            HandoverAction.DELEGATE.name(), "DELEGATED", HandoverAction.RESOLVE.name(), "RESOLVED");

    private final ReviewerGuard guard;
    private final InboxQueries queries;
    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final HistoryService history;
    private final Clock clock;
    private final PersonDirectory people;

    ReviewTimeline(ReviewerGuard guard, InboxQueries queries, JdbcTemplate jdbc, TaskService tasks, HistoryService history,
                   Clock clock, PersonDirectory people) {
        this.guard = guard;
        this.queries = queries;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.history = history;
        this.clock = clock;
        this.people = people;
    }

    /** Empty for a subject outside the user's scope, as for one that never reached review. */
    List<TimelineEntry> timeline(String kind, long subjectId) {
        CurrentUser u = guard.reviewer();
        Instant now = clock.instant();
        List<WorkItem> open = queries.openOfSubject(kind, subjectId, now);
        List<WorkItem> done = queries.doneOfSubject(kind, subjectId);
        boolean visible = Stream.concat(open.stream(), done.stream()).anyMatch(w -> u.scope().coversCity(w.cityCode()));
        if ((!open.isEmpty() || !done.isEmpty()) && !visible) {
            return List.of(); // another city's subject reads like one that was never reviewed
        }
        return entries(kind, subjectId, open, done);
    }

    /** The timeline without the caller checks: for {@link Copies#timeline}, whose caller has checked the recipient. */
    List<TimelineEntry> timelineOf(String kind, long subjectId) {
        return entries(kind, subjectId, queries.openOfSubject(kind, subjectId, clock.instant()), queries.doneOfSubject(kind, subjectId));
    }

    private List<TimelineEntry> entries(String kind, long subjectId, List<WorkItem> open, List<WorkItem> done) {
        if (open.isEmpty() && done.isEmpty()) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        Set<String> reviewerTaskIds = new HashSet<>();
        done.forEach(d -> reviewerTaskIds.add(d.taskId()));
        open.forEach(o -> reviewerTaskIds.add(o.taskId()));
        Set<String> processes = new LinkedHashSet<>();
        // one time source for ordering: the engine's own history (the projection's times come from the app clock)
        Map<String, Instant> engineEnd = new HashMap<>();
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
                if (!ReviewService.COMMENT_TYPE.equals(c.getType())) {
                    entries.add(new TimelineEntry(c.getTime().toInstant(), "COMMENT", c.getUserId(), null, null, c.getFullMessage()));
                }
            }
        }
        for (WorkItem d : done) {
            entries.add(new TimelineEntry(engineEnd.getOrDefault(d.taskId(), d.completedAt()),
                    Decision.RETURN.name().equals(d.decision()) ? "RETURNED" : "APPROVED",
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
}
