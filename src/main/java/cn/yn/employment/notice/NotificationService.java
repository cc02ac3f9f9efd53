package cn.yn.employment.notice;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserView;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications (the bell). Other modules call {@link #notify} / {@link #notifyScope} with texts already
 * resolved (or {@link #notifyKeys} with i18n keys resolved in Chinese, the default language). Sending is internal
 * API for services and jobs (no user check: it only ever writes to the recipients' own inboxes); reading and
 * marking read act on the signed-in user's own notifications only.
 */
@Service
public class NotificationService {

    /** Kinds used by the modules; free text is allowed, these are the common ones. */
    public static final String RETURNED = "RETURNED";
    public static final String APPROVED = "APPROVED";
    public static final String REMINDER = "REMINDER";
    public static final String GRANT = "GRANT";
    public static final String ESCALATION = "ESCALATION";
    public static final String CHASE = "CHASE";
    public static final String NOTICE = "NOTICE";
    public static final String PERIOD = "PERIOD";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final AccountService accounts;
    private final Translations translations;

    NotificationService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, AccountService accounts,
                        Translations translations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.translations = translations;
    }

    /** Sends one notification to each user (duplicates ignored). Returns how many were written. */
    @Transactional
    public int notify(Collection<Long> userIds, String kind, String title, String body, String link) {
        if (userIds == null || userIds.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new LinkedHashSet<>(userIds).stream()
                .map(id -> new Object[] {id, kind, cut(title, 200), cut(body, 2000), cut(link, 300), now}).toList();
        jdbc.batchUpdate("insert into notification (user_id, kind, title, body, link, created_at) values (?, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    /**
     * {@link #notify} for many groups of users with the same texts, as one JDBC batch: a reminder pass notifies the
     * users of thousands of enterprises. Duplicates are ignored within a group, as {@link #notify} does. Returns how
     * many were written per group, in the groups' order.
     */
    @Transactional
    public int[] notifyEach(List<? extends Collection<Long>> userGroups, String kind, String title, String body, String link) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        int[] written = new int[userGroups.size()];
        for (int i = 0; i < userGroups.size(); i++) {
            Collection<Long> group = userGroups.get(i);
            for (Long id : group == null ? List.<Long>of() : new LinkedHashSet<>(group)) {
                rows.add(new Object[] {id, kind, cut(title, 200), cut(body, 2000), cut(link, 300), now});
                written[i]++;
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into notification (user_id, kind, title, body, link, created_at) values (?, ?, ?, ?, ?, ?)", rows);
        }
        return written;
    }

    /** Sends to every enabled user of the scope holding the role, e.g. the reviewers of a city. Returns the count. */
    @Transactional
    public int notifyScope(Scope scope, Role role, String kind, String title, String body, String link) {
        return notify(usersOf(scope, role), kind, title, body, link);
    }

    /** Like {@link #notify} with i18n keys resolved in Chinese; {@code args} apply to both title and body. */
    @Transactional
    public int notifyKeys(Collection<Long> userIds, String kind, String titleKey, String bodyKey, String link, Object... args) {
        return notify(userIds, kind, translations.chinese(titleKey, args),
                bodyKey == null ? null : translations.chinese(bodyKey, args), link);
    }

    /** Enabled users of the scope holding the role. */
    public List<Long> usersOf(Scope scope, Role role) {
        return accounts.activeUsersWithRole(scope, role).stream().map(UserView::id).toList();
    }

    /**
     * {@link #usersOf} for the enterprise scopes of many enterprises at once (one query per 1,000): enterprise id →
     * its enabled users holding the role. Enterprises without such a user are absent.
     */
    public Map<Long, List<Long>> usersOfEnterprises(Collection<Long> enterpriseIds, Role role) {
        return accounts.activeEnterpriseUsers(enterpriseIds, role);
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        CurrentUser me = currentUser.require();
        Integer n = jdbc.queryForObject("select count(*) from notification where user_id = ? and read_at is null",
                Integer.class, me.id());
        return n == null ? 0 : n;
    }

    /** The signed-in user's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine(int offset, int limit) {
        CurrentUser me = currentUser.require();
        return jdbc.query("select id, kind, title, body, link, created_at, read_at from notification where user_id = ?"
                        + " order by created_at desc, id desc limit ? offset ?",
                (rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
                me.id(), limit, offset);
    }

    @Transactional(readOnly = true)
    public int countMine() {
        CurrentUser me = currentUser.require();
        Integer n = jdbc.queryForObject("select count(*) from notification where user_id = ?", Integer.class, me.id());
        return n == null ? 0 : n;
    }

    @Transactional
    public void markRead(long notificationId) {
        CurrentUser me = currentUser.require();
        jdbc.update("update notification set read_at = ? where id = ? and user_id = ? and read_at is null",
                Timestamp.from(clock.instant()), notificationId, me.id());
    }

    @Transactional
    public void markAllRead() {
        CurrentUser me = currentUser.require();
        jdbc.update("update notification set read_at = ? where user_id = ? and read_at is null",
                Timestamp.from(clock.instant()), me.id());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
