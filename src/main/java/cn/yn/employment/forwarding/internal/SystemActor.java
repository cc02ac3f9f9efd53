package cn.yn.employment.forwarding.internal;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Scope;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs background work (the retry job, the build when a period closes) as the forwarding system account: scope
 * SYSTEM without roles, which the read model and the period calendar accept from jobs and no signed-in user has.
 */
final class SystemActor {

    static final String NAME = "system:forwarding";
    private static final CurrentUser USER = new CurrentUser(0, NAME, NAME, Set.of(), Scope.system());

    private SystemActor() {
    }

    static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(new TestingAuthenticationToken(USER, null, java.util.List.of()));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
