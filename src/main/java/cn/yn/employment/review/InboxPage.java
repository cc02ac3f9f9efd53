package cn.yn.employment.review;

import java.util.List;

/** One keyset page; {@code next} is the cursor to pass for the following page, null when there is none. */
public record InboxPage(List<WorkItem> items, Cursor next) {

    public InboxPage {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return next != null;
    }
}
