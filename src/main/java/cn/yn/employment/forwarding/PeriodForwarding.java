package cn.yn.employment.forwarding;

import cn.yn.employment.period.PeriodState;
import java.time.Instant;

/** A closed period as the forwarding view lists it: its calendar state, forwarding status and latest package. */
public record PeriodForwarding(String periodCode, PeriodState periodState, ForwardingStatus status, int packages,
                               Integer latestSequence, Instant lastSentAt) {
}
