package cn.yn.employment.notice;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.notice.internal.MarkdownRenderer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices (通知公告). Province reviewers write for everyone, chosen cities or the enterprises of an industry
 * section; a city reviewer writes for its own city only. Publishing fixes the audience (one receipt row per user)
 * and rings their bells; withdrawing hides the notice. Recipients read their notices; reading records a receipt.
 */
@Service
public class NoticeService {

    private static final String NOTICE_COLUMNS = "n.id, n.title, n.body_markdown, n.target_type, n.target_cities,"
            + " n.target_industry, n.state, n.author, n.created_at, n.published_at, n.withdrawn_at, n.version";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final NotificationService notifications;

    NoticeService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, AuditLog audit,
                  NotificationService notifications) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.audit = audit;
        this.notifications = notifications;
    }

    // ---------------------------------------------------------------- authoring

    @Transactional
    public long create(NoticeForm input) {
        CurrentUser me = requireAuthor();
        NoticeForm form = input.checkedText();
        validate(me, form);
        Timestamp now = Timestamp.from(clock.instant());
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into notice (title, body_markdown, target_type, target_cities, target_industry,"
                    + " state, author, author_scope, created_at, updated_at) values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, form.title().trim());
            ps.setString(2, form.markdown());
            ps.setString(3, form.target().name());
            ps.setString(4, form.target() == NoticeTarget.CITIES ? String.join(",", form.cities()) : null);
            ps.setString(5, form.target() == NoticeTarget.INDUSTRY ? form.industrySection() : null);
            ps.setString(6, me.username());
            ps.setString(7, scopeKey(me));
            ps.setTimestamp(8, now);
            ps.setTimestamp(9, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        audit.record("NOTICE_CREATED", "notice", Long.toString(id), null, snapshot(form));
        return id;
    }

    @Transactional
    public void update(long id, NoticeForm input, int version) {
        CurrentUser me = requireAuthor();
        NoticeForm form = input.checkedText();
        Notice n = requireManaged(me, id);
        if (n.state() != Notice.State.DRAFT) {
            throw new DomainException("notice.error.notDraft");
        }
        validate(me, form);
        int updated = jdbc.update("update notice set title = ?, body_markdown = ?, target_type = ?, target_cities = ?,"
                        + " target_industry = ?, updated_at = ?, version = version + 1 where id = ? and version = ?",
                form.title().trim(), form.markdown(), form.target().name(),
                form.target() == NoticeTarget.CITIES ? String.join(",", form.cities()) : null,
                form.target() == NoticeTarget.INDUSTRY ? form.industrySection() : null,
                Timestamp.from(clock.instant()), id, version);
        if (updated == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("notice " + id + " changed");
        }
        audit.record("NOTICE_UPDATED", "notice", Long.toString(id), Map.of("title", n.title()), snapshot(form));
    }

    /** Publishes a draft: fixes the audience, notifies it in-app. Returns the number of recipients. */
    @Transactional
    public int publish(long id) {
        CurrentUser me = requireAuthor();
        Notice n = requireManaged(me, id);
        if (n.state() != Notice.State.DRAFT) {
            throw new DomainException("notice.error.notDraft");
        }
        Instant now = clock.instant();
        jdbc.update("update notice set state = 'PUBLISHED', published_at = ?, updated_at = ?, version = version + 1 where id = ?",
                Timestamp.from(now), Timestamp.from(now), id);
        List<Long> audience = audience(n.target(), n.cities(), n.industrySection());
        jdbc.batchUpdate("insert into notice_recipient (notice_id, user_id) values (?, ?)",
                audience.stream().map(u -> new Object[] {id, u}).toList());
        notifications.notify(audience, NotificationService.NOTICE, n.title(), null, "notice/" + id);
        audit.record("NOTICE_PUBLISHED", "notice", Long.toString(id), Map.of("state", "DRAFT"),
                Map.of("state", "PUBLISHED", "recipients", audience.size()));
        return audience.size();
    }

    @Transactional
    public void withdraw(long id) {
        CurrentUser me = requireAuthor();
        Notice n = requireManaged(me, id);
        if (n.state() != Notice.State.PUBLISHED) {
            throw new DomainException("notice.error.notPublished");
        }
        Instant now = clock.instant();
        jdbc.update("update notice set state = 'WITHDRAWN', withdrawn_at = ?, updated_at = ?, version = version + 1 where id = ?",
                Timestamp.from(now), Timestamp.from(now), id);
        audit.record("NOTICE_WITHDRAWN", "notice", Long.toString(id), Map.of("state", "PUBLISHED"), Map.of("state", "WITHDRAWN"));
    }

    /** Notices the signed-in author may manage: all for the province, its own city's for a city reviewer. */
    @Transactional(readOnly = true)
    public List<Notice> managed() {
        CurrentUser me = requireAuthor();
        String where = me.has(Role.PROVINCE_REVIEWER) ? "" : " where n.author_scope = '" + scopeKey(me).replace("'", "") + "'";
        return jdbc.query("select " + NOTICE_COLUMNS + ", (select count(*) from notice_recipient r where r.notice_id = n.id),"
                + " (select count(*) from notice_recipient r where r.notice_id = n.id and r.read_at is not null), null"
                + " from notice n" + where + " order by n.created_at desc, n.id desc", this::map);
    }

    @Transactional(readOnly = true)
    public Notice getManaged(long id) {
        return requireManaged(requireAuthor(), id);
    }

    /** Everyone the published notice went to, unread first. */
    @Transactional(readOnly = true)
    public List<NoticeReader> readers(long id, boolean unreadOnly) {
        CurrentUser me = requireAuthor();
        requireManaged(me, id);
        return jdbc.query("select u.id, u.display_name, e.name, coalesce(e.city_code, u.scope_code), coalesce(e.phone, u.phone),"
                        + " coalesce(e.email, u.email), r.read_at from notice_recipient r join app_user u on u.id = r.user_id"
                        + " left join enterprise e on u.scope_type = 'ENTERPRISE' and cast(e.id as varchar(32)) = u.scope_code"
                        + " where r.notice_id = ?" + (unreadOnly ? " and r.read_at is null" : "")
                        + " order by case when r.read_at is null then 0 else 1 end, e.city_code, e.name, u.display_name",
                (rs, n) -> new NoticeReader(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), ts(rs, 7)), id);
    }

    // ---------------------------------------------------------------- reading

    /** Published notices addressed to the signed-in user, newest first. */
    @Transactional(readOnly = true)
    public List<Notice> mine(boolean unreadOnly) {
        CurrentUser me = currentUser.require();
        return jdbc.query("select " + NOTICE_COLUMNS + ", 0, 0, r.read_at from notice n join notice_recipient r on r.notice_id = n.id"
                + " where r.user_id = ? and n.state = 'PUBLISHED'" + (unreadOnly ? " and r.read_at is null" : "")
                + " order by n.published_at desc, n.id desc", this::map, me.id());
    }

    /** Opens a notice: recipients get a read receipt; authors may preview theirs. */
    @Transactional
    public Notice read(long id) {
        CurrentUser me = currentUser.require();
        int marked = jdbc.update("update notice_recipient set read_at = ? where notice_id = ? and user_id = ? and read_at is null"
                        + " and exists (select 1 from notice n where n.id = notice_id and n.state = 'PUBLISHED')",
                Timestamp.from(clock.instant()), id, me.id());
        List<Notice> found = jdbc.query("select " + NOTICE_COLUMNS + ", 0, 0, r.read_at from notice n join notice_recipient r"
                + " on r.notice_id = n.id and r.user_id = ? where n.id = ? and n.state = 'PUBLISHED'", this::map, me.id(), id);
        if (!found.isEmpty()) {
            if (marked > 0) {
                jdbc.update("update notification set read_at = ? where user_id = ? and link = ? and read_at is null",
                        Timestamp.from(clock.instant()), me.id(), "notice/" + id);
            }
            return found.get(0);
        }
        if (me.hasAny(Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER)) {
            return requireManaged(me, id);
        }
        throw notFound();
    }

    // ---------------------------------------------------------------- internals

    private List<Long> audience(NoticeTarget target, List<String> cities, String industry) {
        List<Object> args = new ArrayList<>();
        StringBuilder enterprises = new StringBuilder("select u.id from app_user u join app_user_role ur on ur.user_id = u.id"
                + " and ur.role = 'ENTERPRISE' join enterprise e on u.scope_type = 'ENTERPRISE'"
                + " and u.scope_code = cast(e.id as varchar(32)) where u.enabled = true");
        if (target == NoticeTarget.CITIES) {
            enterprises.append(" and e.city_code in (").append(placeholders(cities.size())).append(")");
            args.addAll(cities);
        } else if (target == NoticeTarget.INDUSTRY) {
            enterprises.append(" and e.industry_section = ?");
            args.add(industry);
        }
        List<Long> ids = new ArrayList<>(jdbc.queryForList(enterprises.toString(), Long.class, args.toArray()));
        if (target != NoticeTarget.INDUSTRY) {
            String reviewers = "select u.id from app_user u join app_user_role ur on ur.user_id = u.id and ur.role = 'CITY_REVIEWER'"
                    + " where u.enabled = true and u.scope_type = 'CITY'"
                    + (target == NoticeTarget.CITIES ? " and u.scope_code in (" + placeholders(cities.size()) + ")" : "");
            ids.addAll(jdbc.queryForList(reviewers, Long.class, target == NoticeTarget.CITIES ? cities.toArray() : new Object[0]));
        }
        return ids.stream().distinct().toList();
    }

    private CurrentUser requireAuthor() {
        return Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER);
    }

    private Notice requireManaged(CurrentUser me, long id) {
        Optional<Notice> n = jdbc.query("select " + NOTICE_COLUMNS + ", (select count(*) from notice_recipient r where r.notice_id = n.id),"
                + " (select count(*) from notice_recipient r where r.notice_id = n.id and r.read_at is not null), null, n.author_scope"
                + " from notice n where n.id = ?", (rs, i) -> {
                    Notice notice = map(rs, i);
                    boolean ours = me.has(Role.PROVINCE_REVIEWER) || scopeKey(me).equals(rs.getString("author_scope"));
                    return ours ? notice : null;
                }, id).stream().filter(java.util.Objects::nonNull).findFirst();
        // another scope's notice and a notice that does not exist: one answer
        return n.orElseThrow(NoticeService::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("notice.error.notFound");
    }

    private void validate(CurrentUser me, NoticeForm f) {
        List<FieldError> errors = new ArrayList<>();
        if (f.title() == null || f.title().isBlank() || f.title().trim().length() > 200) {
            errors.add(new FieldError("title", "notice.error.title"));
        }
        if (f.markdown() == null || f.markdown().isBlank() || f.markdown().length() > 20000) {
            errors.add(new FieldError("markdown", "notice.error.body"));
        }
        if (f.target() == null) {
            errors.add(new FieldError("target", "notice.error.target"));
        } else if (f.target() == NoticeTarget.CITIES && f.cities().isEmpty()) {
            errors.add(new FieldError("cities", "notice.error.cities"));
        } else if (f.target() == NoticeTarget.INDUSTRY && (f.industrySection() == null || !f.industrySection().matches("^[A-T]$"))) {
            errors.add(new FieldError("industrySection", "notice.error.industry"));
        }
        if (!me.has(Role.PROVINCE_REVIEWER)) {
            // a city reviewer writes only for its own city
            String city = me.scope().cityCode();
            if (f.target() != NoticeTarget.CITIES || city == null || !f.cities().equals(List.of(city))) {
                errors.add(new FieldError("target", "notice.error.cityOnlyOwn"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException("notice.error.invalid", errors);
        }
    }

    private static String scopeKey(CurrentUser me) {
        return me.scope().type() == ScopeType.CITY ? "CITY:" + me.scope().code() : me.scope().type().name();
    }

    private static Map<String, Object> snapshot(NoticeForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title());
        m.put("target", f.target() == null ? null : f.target().name());
        m.put("cities", String.join(",", f.cities()));
        m.put("industrySection", f.industrySection());
        m.put("bodyLength", f.markdown() == null ? 0 : f.markdown().length());
        return m;
    }

    private Notice map(ResultSet rs, int n) throws SQLException {
        String cities = rs.getString(5);
        String md = rs.getString(3);
        return new Notice(rs.getLong(1), rs.getString(2), md, MarkdownRenderer.toHtml(md), NoticeTarget.valueOf(rs.getString(4)),
                cities == null || cities.isBlank() ? List.of() : Arrays.asList(cities.split(",")), rs.getString(6),
                Notice.State.valueOf(rs.getString(7)), rs.getString(8), ts(rs, 9), ts(rs, 10), ts(rs, 11),
                rs.getInt(13), rs.getInt(14), ts(rs, 15), rs.getInt(12));
    }

    private static Instant ts(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(Math.max(n, 1), "?"));
    }
}
