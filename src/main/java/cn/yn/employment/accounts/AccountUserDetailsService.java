package cn.yn.employment.accounts;

import cn.yn.employment.common.security.CurrentUser;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final Clock clock;

    AccountUserDetailsService(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser u = users.findByUsernameIgnoreCase(username == null ? "" : username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return principalOf(u);
    }

    UserPrincipal principalOf(AppUser u) {
        CurrentUser current = new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(), u.scope());
        return new UserPrincipal(current, u.getPasswordHash(), u.isEnabled(), u.isLockedAt(clock.instant()));
    }
}
