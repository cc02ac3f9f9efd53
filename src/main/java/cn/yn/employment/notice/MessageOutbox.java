package cn.yn.employment.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mails and text messages in the outbox table, in the caller's transaction: the message exists if and only
 * if the business change that caused it commits, and queuing costs one insert whatever the mail server or SMS gateway
 * is doing. The outbox worker delivers after commit, with retries. Like {@link NotificationService#notify}, this is
 * internal API for services and jobs (no user check: the caller decided who is told).
 */
@Service
public class MessageOutbox {

    public enum Channel { EMAIL, SMS }

    /** Where one recipient is reached: the e-mail address and the phone, each possibly missing. */
    public record Contact(String email, String phone) {
    }

    /** What {@link #queueEach} did for one contact. */
    public record Queued(ChannelOutcome email, ChannelOutcome sms) {
    }

    private static final String INSERT = "insert into outbox_message (channel, recipient, subject, body, kind, state, attempts,"
            + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EmailSender email;

    MessageOutbox(JdbcTemplate jdbc, Clock clock, EmailSender email) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.email = email;
    }

    /** Queues an e-mail; {@code SKIPPED} (nothing queued) when the address is missing or invalid or no mail server is configured. */
    @Transactional
    public ChannelOutcome email(String to, String subject, String text, String kind) {
        if (!email.accepts(to)) {
            return ChannelOutcome.SKIPPED;
        }
        insert(Channel.EMAIL, to.trim(), cut(subject, 200), text, kind);
        return ChannelOutcome.QUEUED;
    }

    /** Queues a text message; {@code SKIPPED} when the number is not a mobile number. */
    @Transactional
    public ChannelOutcome sms(String phone, String text, String kind) {
        if (!SmsSender.isMobile(phone)) {
            return ChannelOutcome.SKIPPED;
        }
        insert(Channel.SMS, phone.trim(), null, text, kind);
        return ChannelOutcome.QUEUED;
    }

    /**
     * {@link #email} and {@link #sms} for many contacts with the same texts (the e-mail gets subject and text, the SMS
     * the text), as one JDBC batch instead of a statement per message: a reminder pass queues tens of thousands.
     * The rows are the same, in the same order (each contact's e-mail, then its SMS). Outcomes in the contacts' order.
     */
    @Transactional
    public List<Queued> queueEach(List<Contact> contacts, String subject, String text, String kind) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        List<Queued> outcomes = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            boolean mail = email.accepts(c.email());
            boolean mobile = SmsSender.isMobile(c.phone());
            if (mail) {
                rows.add(row(Channel.EMAIL, c.email().trim(), cut(subject, 200), text, kind, now));
            }
            if (mobile) {
                rows.add(row(Channel.SMS, c.phone().trim(), null, text, kind, now));
            }
            outcomes.add(new Queued(mail ? ChannelOutcome.QUEUED : ChannelOutcome.SKIPPED,
                    mobile ? ChannelOutcome.QUEUED : ChannelOutcome.SKIPPED));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
        return outcomes;
    }

    private void insert(Channel channel, String recipient, String subject, String body, String kind) {
        jdbc.update(INSERT, row(channel, recipient, subject, body, kind, Timestamp.from(clock.instant())));
    }

    private static Object[] row(Channel channel, String recipient, String subject, String body, String kind, Timestamp now) {
        return new Object[] {channel.name(), recipient, subject, cut(body == null ? "" : body, 4000), cut(kind, 32), now, now};
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
