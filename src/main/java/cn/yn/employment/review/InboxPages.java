package cn.yn.employment.review;

import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.review.internal.InboxQueries;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Numbered pages of the inbox (reviewer roles only, restricted to the user's candidate groups like
 * {@link ReviewService#inbox}): a page by its number for a jump, and the survey periods of the user's items for the
 * period pick-list. Paging on from a shown page stays on {@link ReviewService#inbox}'s keyset, which is what keeps
 * the first pages fast at 100,000 open tasks.
 */
@Service
public class InboxPages {

    private final CurrentUserProvider users;
    private final InboxQueries queries;
    private final Clock clock;

    InboxPages(CurrentUserProvider users, InboxQueries queries, Clock clock) {
        this.users = users;
        this.queries = queries;
        this.clock = clock;
    }

    /** Page {@code index} (0-based) of {@code size} rows, in the inbox's order. */
    public InboxPage page(InboxTab tab, InboxFilter filter, int index, int size) {
        CurrentUser u = reviewer();
        int limit = Math.max(1, Math.min(size, ReviewService.MAX_PAGE));
        return queries.pageAt(tab, u.candidateGroups(), u.username(), filter == null ? InboxFilter.none() : filter,
                (long) Math.max(0, index) * limit, limit, clock.instant());
    }

    /** Survey periods present in the user's open items and the items the user completed, newest first. */
    public List<String> periods() {
        CurrentUser u = reviewer();
        return queries.periods(u.candidateGroups(), u.username());
    }

    private CurrentUser reviewer() {
        CurrentUser u = Access.requireAny(users.require(), Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER);
        if (u.candidateGroups().isEmpty()) {
            throw new AccessDeniedException("no reviewer scope");
        }
        return u;
    }
}
