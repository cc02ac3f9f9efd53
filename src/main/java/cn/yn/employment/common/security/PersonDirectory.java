package cn.yn.employment.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names and units of users, for showing who acted and for choosing a colleague (转办, 委派, 抄送). Implemented by the
 * accounts module; modules that accounts depends on (audit) can use it without a cycle. It does not check the caller:
 * callers show only names of people whose actions the caller may already see.
 */
public interface PersonDirectory {

    Optional<Person> find(String username);

    /** Every known person among the names; unknown names are absent from the map. */
    Map<String, Person> findAll(Collection<String> usernames);

    /** Enabled users holding the role whose scope is exactly this one (e.g. the reviewers of 530100). */
    List<Person> active(Scope scope, Role role);

    /** The name to show for a username: {@link Person#label()}, or the username when no account has it. */
    default String label(String username) {
        if (username == null) {
            return null;
        }
        return find(username).map(Person::label).orElse(username);
    }
}
