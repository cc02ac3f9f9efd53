package cn.yn.employment.common.security;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs background work as a system job: a user of scope SYSTEM without roles, named for the job, which no signed-in
 * user has. Services that serve jobs accept it ({@code report.AcceptedReports}, the owners' bulk inserts through
 * {@link Access#requireAdminOrSystemJob}); the previous security context comes back afterwards.
 */
public final class SystemJob {

    private SystemJob() {
    }

    public static <T> T call(String name, Supplier<T> work) {
        CurrentUser user = new CurrentUser(0, name, name, Set.of(), Scope.system());
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(new TestingAuthenticationToken(user, null, List.of()));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
