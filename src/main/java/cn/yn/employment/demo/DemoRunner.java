package cn.yn.employment.demo;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs demo seeding code under an identity, so services' role and scope checks apply as for a real user.
 * Only exists when demo data is enabled.
 */
public class DemoRunner {

    private final UserDetailsService userDetails;

    public DemoRunner(UserDetailsService userDetails) {
        this.userDetails = userDetails;
    }

    /** Runs as the demo user with this name (e.g. {@link DemoAccounts#ENTERPRISE}), with its real roles and scope. */
    public void runAs(String username, Runnable action) {
        callAs(username, () -> {
            action.run();
            return null;
        });
    }

    public <T> T callAs(String username, Supplier<T> action) {
        UserDetails user = userDetails.loadUserByUsername(username);
        return with(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), action);
    }

    /** Runs as the synthetic seeder: a system administrator named {@link DemoAccounts#SEEDER}. */
    public <T> T callAsSeeder(Supplier<T> action) {
        CurrentUser seeder = new CurrentUser(0, DemoAccounts.SEEDER, DemoAccounts.SEEDER, Set.of(Role.SYSTEM_ADMIN), Scope.system());
        return with(UsernamePasswordAuthenticationToken.authenticated(seeder, null,
                Set.of(new SimpleGrantedAuthority(Role.SYSTEM_ADMIN.authority()))), action);
    }

    private static <T> T with(Authentication auth, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
