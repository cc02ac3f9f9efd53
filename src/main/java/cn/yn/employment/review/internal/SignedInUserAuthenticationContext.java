package cn.yn.employment.review.internal;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import java.security.Principal;
import org.flowable.common.engine.api.identity.AuthenticationContext;

/**
 * Flowable's idea of "who is acting" (a process's start user, a comment's author, who completed a task) = the
 * signed-in user, unless code set one explicitly for the thread. Without it every step taken outside
 * {@code ReviewService} (a submission, the demo data, the API) was recorded without a user and shown as "system".
 */
class SignedInUserAuthenticationContext implements AuthenticationContext {

    private final ThreadLocal<Principal> explicit = new ThreadLocal<>();
    private final CurrentUserProvider users;

    SignedInUserAuthenticationContext(CurrentUserProvider users) {
        this.users = users;
    }

    @Override
    public String getAuthenticatedUserId() {
        Principal p = explicit.get();
        if (p != null) {
            return p.getName();
        }
        return users.find().map(CurrentUser::username).orElse(null);
    }

    @Override
    public Principal getPrincipal() {
        Principal p = explicit.get();
        if (p != null) {
            return p;
        }
        String name = getAuthenticatedUserId();
        return name == null ? null : () -> name;
    }

    @Override
    public void setPrincipal(Principal principal) {
        if (principal == null) {
            explicit.remove();
        } else {
            explicit.set(principal);
        }
    }
}
