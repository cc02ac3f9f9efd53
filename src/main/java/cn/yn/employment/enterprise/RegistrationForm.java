package cn.yn.employment.enterprise;

/** What an enterprise (or a city reviewer on its behalf) enters to create an enterprise and its account. */
public record RegistrationForm(String uscc, String name, String countyCode, String contactPerson, String phone,
                               String email, String username, String password) {
}
