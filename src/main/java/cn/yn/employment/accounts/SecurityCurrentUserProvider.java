package cn.yn.employment.accounts;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class SecurityCurrentUserProvider implements CurrentUserProvider {

    @Override
    public Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof UserPrincipal p) {
            return Optional.of(p.user());
        }
        if (auth != null && auth.getPrincipal() instanceof OidcAccountUser o) {
            return Optional.of(o.user());
        }
        if (auth != null && auth.getPrincipal() instanceof CurrentUser u) {
            return Optional.of(u);
        }
        return Optional.empty();
    }
}
