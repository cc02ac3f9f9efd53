package cn.yn.employment.forwarding;

/** One delivery attempt: the package as it now stands, whether it reached the gateway, and the gateway's error if not. */
public record SendOutcome(ForwardingPackage pkg, boolean delivered, String error) {
}
