package cn.yn.employment.accounts;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.common.security.Scope;
import java.util.Set;

/** What an administrator enters to create or edit a user. The password is only used on creation. */
public record UserForm(String username, String displayName, String email, String phone, Set<Role> roles, Scope scope,
                       String initialPassword) {

    /** The fields (not the password) through the edge's text gate ({@link TextInput}); the name folded like a code. */
    public UserForm checkedText() {
        TextInput in = new TextInput();
        UserForm f = new UserForm(in.code("username", username), in.text("displayName", displayName), in.code("email", email),
                in.code("phone", phone), roles, scope, initialPassword);
        in.throwIfInvalid();
        return f;
    }
}
