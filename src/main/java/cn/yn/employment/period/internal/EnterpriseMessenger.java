package cn.yn.employment.period.internal;

import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.ChannelOutcome;
import cn.yn.employment.notice.MessageOutbox;
import cn.yn.employment.notice.NotificationService;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reaches an enterprise on every channel: in-app notification to its enterprise users, e-mail to the filed
 * contact address, SMS to the filed phone when it is a mobile number. All three are written in the caller's
 * transaction (e-mail and SMS to the outbox, delivered after commit), so a slow or broken mail server costs a
 * reminder pass nothing. Returns what each channel did ({@code QUEUED} or {@code SKIPPED} for e-mail and SMS).
 */
@Component
public class EnterpriseMessenger {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final NotificationService notifications;
    private final MessageOutbox outbox;
    private final Translations translations;

    EnterpriseMessenger(JdbcTemplate jdbc, NotificationService notifications, MessageOutbox outbox, Translations translations) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.outbox = outbox;
        this.translations = translations;
    }

    /** The outcome per channel, e.g. {@code APP:2 EMAIL:QUEUED SMS:SKIPPED}, and the addresses used. */
    public record Delivery(int appRecipients, ChannelOutcome email, ChannelOutcome sms, String recipients) {
        public String summary() {
            return "APP:" + appRecipients + " EMAIL:" + email + " SMS:" + sms;
        }
    }

    public Delivery send(long enterpriseId, String kind, String titleKey, String bodyKey, String link, Object... args) {
        List<Map<String, Object>> rows = jdbc.queryForList("select name, email, phone from enterprise where id = ?", enterpriseId);
        if (rows.isEmpty()) {
            return new Delivery(0, ChannelOutcome.SKIPPED, ChannelOutcome.SKIPPED, "");
        }
        String mail = (String) rows.get(0).get("email");
        String phone = (String) rows.get(0).get("phone");
        String title = translations.chinese(titleKey, args);
        String body = translations.chinese(bodyKey, args);
        int app = notifications.notify(notifications.usersOf(Scope.enterprise(enterpriseId), Role.ENTERPRISE), kind, title, body, link);
        ChannelOutcome e = outbox.email(mail, title, body, kind);
        ChannelOutcome s = outbox.sms(phone, body, kind);
        return delivery(app, e, s, mail, phone);
    }

    /**
     * {@link #send} to many enterprises with the same message, set-based: per 1,000 enterprises one query for their
     * contacts, one for their users, one batch of notifications and one of outbox rows, instead of about six
     * statements per enterprise (a reminder pass reaches 20,000). Same rows and outcomes as calling {@link #send}
     * for each. Returns the deliveries by enterprise id, in the given order.
     */
    public Map<Long, Delivery> sendAll(List<Long> enterpriseIds, String kind, String titleKey, String bodyKey, String link,
                                       Object... args) {
        String title = translations.chinese(titleKey, args);
        String body = translations.chinese(bodyKey, args);
        Map<Long, Delivery> out = new LinkedHashMap<>();
        List<Long> ids = enterpriseIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, MessageOutbox.Contact> contacts = new LinkedHashMap<>();
            jdbc.query("select id, email, phone from enterprise where id in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        contacts.put(rs.getLong(1), new MessageOutbox.Contact(rs.getString(2), rs.getString(3)));
                    }, chunk.toArray());
            List<Long> found = chunk.stream().filter(contacts::containsKey).toList();
            Map<Long, List<Long>> users = notifications.usersOfEnterprises(found, Role.ENTERPRISE);
            List<List<Long>> groups = found.stream().map(id -> users.getOrDefault(id, List.of())).toList();
            int[] app = notifications.notifyEach(groups, kind, title, body, link);
            List<MessageOutbox.Contact> reach = found.stream().map(contacts::get).toList();
            List<MessageOutbox.Queued> queued = outbox.queueEach(reach, title, body, kind);
            Map<Long, Delivery> byId = new LinkedHashMap<>();
            for (int i = 0; i < found.size(); i++) {
                MessageOutbox.Contact c = reach.get(i);
                byId.put(found.get(i), delivery(app[i], queued.get(i).email(), queued.get(i).sms(), c.email(), c.phone()));
            }
            for (Long id : chunk) {
                out.put(id, byId.getOrDefault(id, new Delivery(0, ChannelOutcome.SKIPPED, ChannelOutcome.SKIPPED, "")));
            }
        }
        return out;
    }

    private static Delivery delivery(int app, ChannelOutcome e, ChannelOutcome s, String mail, String phone) {
        String recipients = "users:" + app + (mail == null ? "" : " " + mail) + (phone == null ? "" : " " + phone);
        return new Delivery(app, e, s, recipients.length() > 500 ? recipients.substring(0, 500) : recipients);
    }
}
