package cn.yn.employment.notice.internal;

import cn.yn.employment.common.text.Masked;
import cn.yn.employment.notice.ChannelOutcome;
import cn.yn.employment.notice.ChannelResult;
import cn.yn.employment.notice.EmailSender;
import cn.yn.employment.notice.MessageOutbox.Channel;
import cn.yn.employment.notice.SmsSender;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Every node polls; a message is claimed with a conditional UPDATE (only one node's update
 * matches the PENDING row), so the nodes share the work without locks that H2 and PostgreSQL would spell differently.
 * The claim commits before the channel is called, and no transaction is open while a mail server is being waited for.
 * A node that dies mid-send leaves a SENDING row whose claim expires after the lease; another node then sends it again
 * (at-least-once: the recipient may get a message twice, never none).
 *
 * <p>A failed attempt is retried after {@code backoff-base × 2^(attempts-1)} (capped), and after the
 * {@code notice.outbox.maxAttempts} parameter the message is DEAD until an administrator resends it. When a channel
 * fails, the rest of that channel's messages wait for the next pass: a mail server that is down costs one timeout per
 * pass, and the text messages behind it still go out.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
    private static final String DUE = "(state = 'PENDING' and next_attempt_at <= ? or state = 'SENDING' and claimed_until < ?)";

    /** What one pass did. {@code deferred}: left for the next pass because their channel had just failed. */
    public record Pass(int sent, int retrying, int dead, int deferred, int skipped) {
        public int attempted() {
            return sent + retrying + dead + skipped;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EmailSender email;
    private final SmsSender sms;
    private final ParameterService parameters;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final int batch;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final Duration lease;
    private final Duration keepSent;
    private Instant lastCleanup = Instant.EPOCH;

    OutboxWorker(JdbcTemplate jdbc, Clock clock, EmailSender email, SmsSender sms, ParameterService parameters,
                 PlatformTransactionManager txManager,
                 @Value("${app.outbox.worker-enabled:true}") boolean enabled,
                 @Value("${app.outbox.batch-size:200}") int batch,
                 @Value("${app.outbox.backoff-base:PT30S}") Duration backoffBase,
                 @Value("${app.outbox.backoff-max:PT6H}") Duration backoffMax,
                 @Value("${app.outbox.lease:PT5M}") Duration lease,
                 @Value("${app.outbox.keep-sent:P30D}") Duration keepSent) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.email = email;
        this.sms = sms;
        this.parameters = parameters;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = enabled;
        this.batch = batch;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.lease = lease;
        this.keepSent = keepSent;
    }

    @Scheduled(initialDelayString = "${app.outbox.poll-interval-ms:5000}", fixedDelayString = "${app.outbox.poll-interval-ms:5000}")
    public void scheduledPass() {
        if (!enabled) {
            return;
        }
        try {
            Pass p;
            do {
                p = deliverDue();
            } while (p.attempted() >= batch && p.deferred() == 0);
            cleanUpSent();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next pass tries again
            log.warn("outbox pass failed: {}", e.toString());
        }
    }

    /** Delivers up to one batch of due messages. */
    public Pass deliverDue() {
        Instant now = clock.instant();
        Timestamp ts = Timestamp.from(now);
        List<Long> due = jdbc.queryForList("select id from outbox_message where " + DUE + " order by next_attempt_at, id limit ?",
                Long.class, ts, ts, batch);
        Set<Channel> down = EnumSet.noneOf(Channel.class);
        int sent = 0, retrying = 0, dead = 0, deferred = 0, skipped = 0;
        int maxAttempts = parameters.getInt(Parameter.OUTBOX_MAX_ATTEMPTS);
        for (Long id : due) {
            Map<String, Object> m = claim(id, now);
            if (m == null) {
                continue; // another node has it
            }
            Channel channel = Channel.valueOf((String) m.get("channel"));
            if (down.contains(channel)) {
                release(id);
                deferred++;
                continue;
            }
            ChannelResult r = send(channel, m);
            int attempts = ((Number) m.get("attempts")).intValue();
            switch (r.outcome()) {
                case OK, QUEUED -> {
                    finish(id, "SENT", null, null);
                    sent++;
                }
                case SKIPPED -> {
                    finish(id, "DEAD", null, "channel not available for this recipient");
                    skipped++;
                }
                case FAILED -> {
                    down.add(channel);
                    if (attempts >= maxAttempts) {
                        finish(id, "DEAD", null, r.detail());
                        dead++;
                        log.warn("outbox message {} ({}) dead after {} attempts: {}", id, channel, attempts, Masked.text(r.detail()));
                    } else {
                        finish(id, "PENDING", now.plus(backoffFor(attempts)), r.detail());
                        retrying++;
                    }
                }
            }
        }
        return new Pass(sent, retrying, dead, deferred, skipped);
    }

    /** The wait after the n-th failed attempt: base, 2×base, 4×base, … up to the maximum. */
    public Duration backoffFor(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = backoffBase.multipliedBy(1L << doublings);
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }

    private Map<String, Object> claim(long id, Instant now) {
        return tx.execute(s -> {
            Timestamp ts = Timestamp.from(now);
            int n = jdbc.update("update outbox_message set state = 'SENDING', attempts = attempts + 1, claimed_by = ?,"
                    + " claimed_until = ? where id = ? and " + DUE, NODE, Timestamp.from(now.plus(lease)), id, ts, ts);
            if (n == 0) {
                return null;
            }
            return jdbc.queryForMap("select channel, recipient, subject, body, attempts from outbox_message where id = ?", id);
        });
    }

    /** Gives a claimed message back untouched (its channel failed earlier in this pass). */
    private void release(long id) {
        tx.executeWithoutResult(s -> jdbc.update("update outbox_message set state = 'PENDING', attempts = attempts - 1,"
                + " claimed_by = null, claimed_until = null where id = ? and state = 'SENDING' and claimed_by = ?", id, NODE));
    }

    private void finish(long id, String state, Instant nextAttempt, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        tx.executeWithoutResult(s -> jdbc.update("update outbox_message set state = ?, next_attempt_at = coalesce(?, next_attempt_at),"
                        + " last_error = ?, sent_at = ?, claimed_by = null, claimed_until = null where id = ? and state = 'SENDING'"
                        + " and claimed_by = ?", state, nextAttempt == null ? null : Timestamp.from(nextAttempt),
                error == null ? null : cut(error, 500), "SENT".equals(state) ? now : null, id, NODE));
    }

    private ChannelResult send(Channel channel, Map<String, Object> m) {
        String to = (String) m.get("recipient");
        String body = (String) m.get("body");
        try {
            return switch (channel) {
                case EMAIL -> email.attempt(to, (String) m.get("subject"), body);
                case SMS -> sms.attempt(to, body);
            };
        } catch (RuntimeException e) {
            return new ChannelResult(ChannelOutcome.FAILED, e.toString());
        }
    }

    /** Sent messages are kept for a while (the administrator's view, questions from enterprises), then deleted. */
    void cleanUpSent() {
        Instant now = clock.instant();
        if (Duration.between(lastCleanup, now).compareTo(Duration.ofHours(1)) < 0) {
            return;
        }
        lastCleanup = now;
        int n = jdbc.update("delete from outbox_message where state = 'SENT' and sent_at < ?", Timestamp.from(now.minus(keepSent)));
        if (n > 0) {
            log.info("outbox: deleted {} messages sent before {}", n, now.minus(keepSent));
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
