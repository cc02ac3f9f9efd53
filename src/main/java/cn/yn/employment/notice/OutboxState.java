package cn.yn.employment.notice;

/** Where an outbox message stands (see V52__notification_outbox.sql). */
public enum OutboxState {
    /** Due at its next attempt time; with attempts &gt; 0 it has failed before and waits out its back-off. */
    PENDING,
    /** Claimed by a node that is delivering it; an expired claim is taken over by another node. */
    SENDING,
    SENT,
    /** Given up after the maximum number of attempts; an administrator may resend it. */
    DEAD
}
