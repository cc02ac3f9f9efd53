package cn.yn.employment.forwarding;

/**
 * What building now would do: {@code accepted} reports of the period, {@code inReview} still in the chain (they join a
 * supplement once accepted), and {@code pendingChanges} records not yet in any package (new or corrected).
 */
public record ForwardingPreview(String periodCode, int accepted, int inReview, int pendingChanges) {
}
