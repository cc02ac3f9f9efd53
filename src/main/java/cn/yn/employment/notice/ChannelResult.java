package cn.yn.employment.notice;

/** One delivery attempt through a channel: the outcome and, for a failure, what the channel said. */
public record ChannelResult(ChannelOutcome outcome, String detail) {

    public static final ChannelResult OK = new ChannelResult(ChannelOutcome.OK, null);
    public static final ChannelResult SKIPPED = new ChannelResult(ChannelOutcome.SKIPPED, null);

    public static ChannelResult failed(String detail) {
        return new ChannelResult(ChannelOutcome.FAILED, detail);
    }
}
