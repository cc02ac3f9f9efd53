package cn.yn.employment.notice;

import java.time.Instant;

/** One e-mail or text message in the outbox, as the administrator's view shows it. */
public record OutboxMessage(long id, MessageOutbox.Channel channel, String recipient, String subject, String kind,
                            OutboxState state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                            Instant sentAt) {
}
