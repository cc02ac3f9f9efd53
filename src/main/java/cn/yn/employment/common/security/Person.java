package cn.yn.employment.common.security;

import java.util.Set;

/**
 * A user as other people see them on timelines, versions and the audit log: the name and the unit (the enterprise's
 * name, or the region of a city or province office). {@code unitName} is null for system-wide accounts.
 */
public record Person(long id, String username, String displayName, Set<Role> roles, Scope scope, boolean enabled,
                     String unitName) {

    public Person {
        roles = Set.copyOf(roles);
    }

    /** A stand-in for a name no account has (a removed user, a job, the demo seeder): the name itself. */
    public static Person unknown(String username) {
        return new Person(0, username, username, Set.of(), Scope.system(), false, null);
    }

    /** "王强（昆明市人社局） · 昆明市": the name, and the unit when the name does not already say it. */
    public String label() {
        if (unitName == null || unitName.isBlank() || displayName.contains(unitName)) {
            return displayName;
        }
        return displayName + " · " + unitName;
    }

    /** The Flowable candidate groups this person works for ({@code city:<code>} or {@code province}). */
    public Set<String> candidateGroups() {
        return new CurrentUser(id, username, displayName, roles, scope).candidateGroups();
    }
}
