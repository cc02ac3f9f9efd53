package cn.yn.employment.review;

/** A named inbox filter; shared ones are visible to the owner's team (same candidate group). */
public record SavedFilter(long id, String name, String owner, boolean shared, InboxFilter filter) {
}
