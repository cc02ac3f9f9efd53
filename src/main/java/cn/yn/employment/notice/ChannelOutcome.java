package cn.yn.employment.notice;

/** What happened when a message went out through one channel (e-mail, SMS). */
public enum ChannelOutcome {
    /** Handed to the channel successfully. */
    OK,
    /** Written to the outbox; the outbox worker delivers it (with retries) after the transaction commits. */
    QUEUED,
    /** The channel refused or failed; the detail is logged. */
    FAILED,
    /** Nothing to send to (no address / number) or channel not configured. */
    SKIPPED
}
