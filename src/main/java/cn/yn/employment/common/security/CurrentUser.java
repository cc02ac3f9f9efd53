package cn.yn.employment.common.security;

import java.util.Set;

/** The signed-in user as every module sees it. */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, Scope scope) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Flowable candidate groups this user works for: {@code city:530100} or {@code province}. */
    public Set<String> candidateGroups() {
        if (has(Role.PROVINCE_REVIEWER) && scope.isProvince()) {
            return Set.of("province");
        }
        if (has(Role.CITY_REVIEWER) && scope.type() == ScopeType.CITY) {
            return Set.of("city:" + scope.code());
        }
        return Set.of();
    }
}
