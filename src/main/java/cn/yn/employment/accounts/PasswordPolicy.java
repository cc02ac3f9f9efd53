package cn.yn.employment.accounts;

import java.util.ArrayList;
import java.util.List;

/**
 * At least 8 characters with letters and digits, not the user name. Returns i18n keys of the rules broken,
 * so the form can show them at the field.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    private PasswordPolicy() {
    }

    public static List<String> violations(String username, String password) {
        List<String> broken = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            broken.add("accounts.password.tooShort");
        } else if (password.length() > MAX_LENGTH) {
            broken.add("accounts.password.tooLong");
        }
        if (password != null && (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit))) {
            broken.add("accounts.password.lettersAndDigits");
        }
        if (password != null && username != null && password.toLowerCase().contains(username.toLowerCase())) {
            broken.add("accounts.password.containsUsername");
        }
        return broken;
    }
}
