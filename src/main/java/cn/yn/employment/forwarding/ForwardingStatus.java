package cn.yn.employment.forwarding;

/**
 * Where a period's (or one package's) forwarding stands: 未生成 → 已生成 → 已发送 → 已确认, or 发送失败 while the
 * gateway refuses (retried with back-off). A period's status is that of its latest package.
 */
public enum ForwardingStatus {
    NOT_BUILT, BUILT, SENT, ACKNOWLEDGED, FAILED;

    public String labelKey() {
        return "forwarding.status." + name();
    }

    /** Delivered to the ministry (acknowledged or not). */
    public boolean delivered() {
        return this == SENT || this == ACKNOWLEDGED;
    }
}
