package cn.yn.employment.accounts;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.util.Set;

/** What an administrator enters to create or edit a user. The password is only used on creation. */
public record UserForm(String username, String displayName, String email, String phone, Set<Role> roles, Scope scope,
                       String initialPassword) {
}
