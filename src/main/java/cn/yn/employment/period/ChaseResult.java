package cn.yn.employment.period;

/** What a chase did: enterprises reached, skipped because chased recently, skipped because they have submitted. */
public record ChaseResult(int chased, int throttled, int alreadySubmitted) {
}
