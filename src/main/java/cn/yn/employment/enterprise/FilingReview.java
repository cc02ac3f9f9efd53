package cn.yn.employment.enterprise;

/** A filing request beside the enterprise's current (approved) values: for a change request, old vs new. */
public record FilingReview(FilingRequestView request, EnterpriseView current) {
}
