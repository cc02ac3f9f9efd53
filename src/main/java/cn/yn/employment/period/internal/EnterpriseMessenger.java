package cn.yn.employment.period.internal;

import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.ChannelOutcome;
import cn.yn.employment.notice.MessageOutbox;
import cn.yn.employment.notice.NotificationService;
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
        String recipients = "users:" + app + (mail == null ? "" : " " + mail) + (phone == null ? "" : " " + phone);
        return new Delivery(app, e, s, recipients.length() > 500 ? recipients.substring(0, 500) : recipients);
    }
}
