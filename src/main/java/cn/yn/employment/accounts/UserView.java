package cn.yn.employment.accounts;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.time.Instant;
import java.util.Set;

/** A user as the administration screens show it. */
public record UserView(long id, String username, String displayName, String email, String phone, Set<Role> roles,
                       Scope scope, boolean enabled, boolean locked, Instant lockedUntil, Instant createdAt) {
}
