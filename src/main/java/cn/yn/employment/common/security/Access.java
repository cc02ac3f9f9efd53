package cn.yn.employment.common.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * Role and scope checks for service methods. Services call these first thing; the UI's hiding of buttons is
 * a convenience, never the protection.
 */
public final class Access {

    private Access() {
    }

    public static CurrentUser requireAny(CurrentUser user, Role... roles) {
        if (user == null || !user.hasAny(roles)) {
            throw new AccessDeniedException("role required: " + java.util.Arrays.toString(roles));
        }
        return user;
    }

    /** The user may act on data of this city: a province-scoped user, or a user scoped to the same city. */
    public static void requireCity(CurrentUser user, String cityCode) {
        if (user == null || !user.scope().coversCity(cityCode)) {
            throw new AccessDeniedException("outside your scope");
        }
    }

    /** The user is this enterprise's own user, or a reviewer/leader whose scope covers its city. */
    public static void requireEnterprise(CurrentUser user, long enterpriseId, String cityCode) {
        if (user == null) {
            throw new AccessDeniedException("not signed in");
        }
        if (!coversEnterprise(user, enterpriseId, cityCode)) {
            throw new AccessDeniedException("outside your scope");
        }
    }

    /**
     * Whether the user may see data of this enterprise (its own user, or a scope covering its city). Services that
     * look a record up by id use it to answer {@link cn.yn.employment.common.NotFoundException} alike for a
     * record outside the scope and for one that does not exist.
     */
    public static boolean coversEnterprise(CurrentUser user, long enterpriseId, String cityCode) {
        Scope s = user.scope();
        boolean own = s.type() == ScopeType.ENTERPRISE && s.enterpriseId() == enterpriseId;
        return own || s.coversCity(cityCode);
    }

    /**
     * A system administrator, or a system job (scope SYSTEM without roles, which no signed-in user has): the callers
     * of the owners' bulk inserts of synthetic data (demo seeding, the data generator).
     */
    public static CurrentUser requireAdminOrSystemJob(CurrentUser user) {
        if (user != null && (user.hasAny(Role.SYSTEM_ADMIN)
                || (user.scope().type() == ScopeType.SYSTEM && user.roles().isEmpty()))) {
            return user;
        }
        throw new AccessDeniedException("system administrator or system job required");
    }
}
