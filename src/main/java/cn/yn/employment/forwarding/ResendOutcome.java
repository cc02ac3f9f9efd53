package cn.yn.employment.forwarding;

/** A resend of a delivered package: {@code alreadyPresent} when the gateway already held the identical file. */
public record ResendOutcome(ForwardingPackage pkg, boolean alreadyPresent, String error) {
}
