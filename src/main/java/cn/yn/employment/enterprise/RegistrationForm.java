package cn.yn.employment.enterprise;

import cn.yn.employment.common.text.TextInput;

/** What an enterprise (or a city reviewer on its behalf) enters to create an enterprise and its account. */
public record RegistrationForm(String uscc, String name, String countyCode, String contactPerson, String phone,
                               String email, String username, String password) {

    /** The fields (not the password) through the edge's text gate, see {@link FilingData#checkedText()}. */
    public RegistrationForm checkedText() {
        TextInput in = new TextInput();
        RegistrationForm f = new RegistrationForm(in.code("uscc", uscc), in.text("name", name), in.code("countyCode", countyCode),
                in.text("contactPerson", contactPerson), in.code("phone", phone), in.code("email", email),
                in.code("username", username), password);
        in.throwIfInvalid();
        return f;
    }
}
