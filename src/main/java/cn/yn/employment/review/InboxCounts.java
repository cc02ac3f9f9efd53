package cn.yn.employment.review;

/** Counts per inbox tab for the current user. */
public record InboxCounts(long todo, long done, long returned) {

    public long of(InboxTab tab) {
        return switch (tab) {
            case TODO -> todo;
            case DONE -> done;
            case RETURNED -> returned;
        };
    }
}
