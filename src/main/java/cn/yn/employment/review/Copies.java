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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抄送: any reviewer whose scope covers an item's city sends it, with a reason, to colleagues or leaders whose scope
 * covers that city too; they find it under 抄送我的 (reviewers in the inbox, leaders on their own page) and get a
 * notification. A copy is for information: it grants no action on the item. Table {@code work_item_copy}.
 */
@Service
public class Copies {

    public static final String NOTIFICATION_KIND = "COPY";
    private static final String COLUMNS = "id, task_id, process_instance_id, kind, subject_id, period_code, city_code,"
            + " enterprise_name, uscc, task_key, from_username, to_username, reason, created_at, read_at";

    private final CurrentUserProvider users;
    private final InboxQueries queries;
    private final JdbcTemplate jdbc;
    private final PersonDirectory people;
    private final NotificationService notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final ReviewService review;

    Copies(CurrentUserProvider users, InboxQueries queries, JdbcTemplate jdbc, PersonDirectory people,
           NotificationService notifications, AuditLog audit, Clock clock, ReviewService review) {
        this.users = users;
        this.queries = queries;
        this.jdbc = jdbc;
        this.people = people;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.review = review;
    }

    /** People an item may be copied to: enabled reviewers and leaders of its city and of the province, not me. */
    @Transactional(readOnly = true)
    public List<Person> candidates(String taskId) {
        CurrentUser u = reviewer();
        WorkItem item = visibleItem(u, taskId);
        return candidatesFor(item.cityCode()).stream().filter(p -> !p.username().equals(u.username())).toList();
    }

    /** Copies one open or done item to each named person; returns how many new copies were made (repeats are skipped). */
    @Transactional
    public int copy(String taskId, Collection<String> toUsernames, String reason) {
        CurrentUser u = reviewer();
        String why = Reasons.require(reason);
        WorkItem item = visibleItem(u, taskId);
        List<Person> to = recipients(u, item, toUsernames);
        Instant now = clock.instant();
        List<Long> notify = new ArrayList<>();
        for (Person p : to) {
            Integer already = jdbc.queryForObject("select count(*) from work_item_copy where task_id = ? and to_username = ?",
                    Integer.class, taskId, p.username());
            if (already != null && already > 0) {
                continue;
            }
            jdbc.update("insert into work_item_copy (task_id, process_instance_id, kind, subject_id, period_code, city_code,"
                            + " enterprise_name, uscc, task_key, from_username, to_username, reason, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    item.taskId(), item.processInstanceId(), item.kind(), item.subjectId(), item.periodCode(), item.cityCode(),
                    item.enterpriseName(), item.uscc(), item.taskKey(), u.username(), p.username(), why, Timestamp.from(now));
            notify.add(p.id());
        }
        if (!notify.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("taskId", taskId);
            after.put("to", to.stream().map(Person::username).toList());
            after.put("reason", why);
            audit.record("REVIEW_COPY", item.kind(), Long.toString(item.subjectId()), null, after);
            notifications.notifyKeys(notify, NOTIFICATION_KIND, "review.notify.copy.title", "review.notify.copy.body",
                    InboxLink.COPIES, u.displayName(), Handover.subject(item), why);
        }
        return notify.size();
    }

    /** 批量抄送: each item on its own; one failing does not stop the rest. */
    public List<BulkResult> copyAll(List<String> taskIds, Collection<String> toUsernames, String reason) {
        CurrentUser u = reviewer();
        Reasons.require(reason);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(taskIds));
        if (ids.size() > ReviewService.MAX_BULK) {
            throw new DomainException("review.bulk.tooMany", ReviewService.MAX_BULK);
        }
        List<BulkResult> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            String name = queries.open(id, clock.instant()).or(() -> queries.done(id))
                    .filter(i -> u.scope().coversCity(i.cityCode())).map(WorkItem::enterpriseName).orElse(null);
            try {
                copy(id, toUsernames, reason);
                out.add(BulkResult.ok(id, name));
            } catch (DomainException e) {
                out.add(BulkResult.failed(id, name, e.messageKey(), e.args()));
            } catch (NotFoundException e) {
                out.add(BulkResult.failed(id, null, e.messageKey()));
            } catch (AccessDeniedException e) {
                out.add(BulkResult.failed(id, name, "review.error.outOfScope"));
            }
        }
        return out;
    }

    /** 抄送我的, newest first. Reviewers and leaders. */
    @Transactional(readOnly = true)
    public List<CopiedItem> mine(int offset, int limit) {
        CurrentUser u = recipient();
        List<CopiedItem> rows = jdbc.query("select " + COLUMNS + " from work_item_copy where to_username = ?"
                        + " order by created_at desc, id desc limit ? offset ?", ROW, u.username(),
                Math.max(1, Math.min(limit, ReviewService.MAX_PAGE)), Math.max(0, offset));
        return withNames(rows);
    }

    @Transactional(readOnly = true)
    public long countMine() {
        CurrentUser u = recipient();
        Long n = jdbc.queryForObject("select count(*) from work_item_copy where to_username = ?", Long.class, u.username());
        return n == null ? 0 : n;
    }

    @Transactional(readOnly = true)
    public long countUnread() {
        CurrentUser u = recipient();
        Long n = jdbc.queryForObject("select count(*) from work_item_copy where to_username = ? and read_at is null",
                Long.class, u.username());
        return n == null ? 0 : n;
    }

    /** One of my copies, marked read. Anyone else's copy is "not found", so ids cannot be probed. */
    @Transactional
    public CopiedItem open(long copyId) {
        CurrentUser u = recipient();
        CopiedItem c = jdbc.query("select " + COLUMNS + " from work_item_copy where id = ? and to_username = ?", ROW,
                copyId, u.username()).stream().findFirst().orElseThrow(() -> new DomainException("review.copy.notFound"));
        if (c.unread()) {
            jdbc.update("update work_item_copy set read_at = ? where id = ?", Timestamp.from(clock.instant()), copyId);
        }
        return withNames(List.of(c)).get(0);
    }

    /** The copied item's timeline, for its recipient (a leader is no reviewer, but may read what was sent to them). */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long copyId) {
        CurrentUser u = recipient();
        CopiedItem c = jdbc.query("select " + COLUMNS + " from work_item_copy where id = ? and to_username = ?", ROW,
                copyId, u.username()).stream().findFirst().orElseThrow(() -> new DomainException("review.copy.notFound"));
        return review.timelineOf(c.kind(), c.subjectId());
    }

    // ---------------------------------------------------------------- helpers

    List<Person> candidatesFor(String cityCode) {
        List<Person> out = new ArrayList<>();
        out.addAll(people.active(Scope.city(cityCode), Role.CITY_REVIEWER));
        out.addAll(people.active(Scope.city(cityCode), Role.LEADER));
        out.addAll(people.active(Scope.province(), Role.PROVINCE_REVIEWER));
        out.addAll(people.active(Scope.province(), Role.LEADER));
        Map<String, Person> unique = new LinkedHashMap<>();
        out.forEach(p -> unique.putIfAbsent(p.username(), p));
        return List.copyOf(unique.values());
    }

    private List<Person> recipients(CurrentUser u, WorkItem item, Collection<String> usernames) {
        List<String> names = usernames == null ? List.of()
                : usernames.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).distinct().toList();
        if (names.isEmpty()) {
            throw new DomainException("review.handover.toRequired", List.of(new FieldError("to", "review.handover.toRequired")));
        }
        Map<String, Person> found = people.findAll(names);
        List<Person> out = new ArrayList<>();
        for (String n : names) {
            Person p = found.get(n);
            if (p == null || !p.enabled()) {
                throw new DomainException("review.handover.unknownUser", List.of(new FieldError("to", "review.handover.unknownUser", n)), n);
            }
            if (p.username().equals(u.username())) {
                throw new DomainException("review.handover.notYourself", List.of(new FieldError("to", "review.handover.notYourself")));
            }
            boolean reader = p.roles().contains(Role.CITY_REVIEWER) || p.roles().contains(Role.PROVINCE_REVIEWER)
                    || p.roles().contains(Role.LEADER);
            if (!reader || !p.scope().coversCity(item.cityCode())) {
                throw new DomainException("review.handover.notInScope",
                        List.of(new FieldError("to", "review.handover.notInScope", p.label())), p.label());
            }
            out.add(p);
        }
        return out;
    }

    /** An open or done item whose city the reviewer's scope covers. */
    private WorkItem visibleItem(CurrentUser u, String taskId) {
        // another city's item and an id that does not exist: one and the same "not found" (no id oracle)
        return queries.open(taskId, clock.instant()).or(() -> queries.done(taskId))
                .filter(i -> u.scope().coversCity(i.cityCode())).orElseThrow(ReviewerGuard::notFound);
    }

    private List<CopiedItem> withNames(List<CopiedItem> rows) {
        Map<String, Person> names = people.findAll(rows.stream().map(CopiedItem::fromUsername).toList());
        return rows.stream().map(c -> new CopiedItem(c.id(), c.taskId(), c.processInstanceId(), c.kind(), c.subjectId(),
                c.periodCode(), c.cityCode(), c.enterpriseName(), c.uscc(), c.taskKey(), c.fromUsername(),
                Optional.ofNullable(names.get(c.fromUsername())).map(Person::label).orElse(c.fromUsername()), c.toUsername(),
                c.reason(), c.createdAt(), c.readAt())).toList();
    }

    private CurrentUser reviewer() {
        CurrentUser u = Access.requireAny(users.require(), Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER);
        if (u.candidateGroups().isEmpty()) {
            throw new AccessDeniedException("no reviewer scope");
        }
        return u;
    }

    private CurrentUser recipient() {
        return Access.requireAny(users.require(), Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER, Role.LEADER);
    }

    private static final RowMapper<CopiedItem> ROW = (rs, i) -> new CopiedItem(rs.getLong("id"), rs.getString("task_id"),
            rs.getString("process_instance_id"), rs.getString("kind"), rs.getLong("subject_id"), rs.getString("period_code"),
            rs.getString("city_code"), rs.getString("enterprise_name"), rs.getString("uscc"), rs.getString("task_key"),
            rs.getString("from_username"), rs.getString("from_username"), rs.getString("to_username"), rs.getString("reason"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
}
