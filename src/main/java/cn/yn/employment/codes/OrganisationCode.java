package cn.yn.employment.codes;

/**
 * 组织机构代码 (GB 11714): 8 body characters 0-9A-Z and a check character; weights 3 7 9 10 5 8 4 2,
 * check = 11 − (Σ mod 11), 10 → X, 11 → 0. The value object accepts any 9 characters (codes embedded in a
 * USCC predate the check in some regions); {@link #hasValidCheckDigit()} tells whether the check holds.
 */
public record OrganisationCode(String value) {

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public OrganisationCode {
        if (value == null || !value.matches("^[0-9A-Z]{8}[0-9X]$")) {
            throw new IllegalArgumentException("invalid organisation code: " + value);
        }
    }

    public boolean hasValidCheckDigit() {
        return isValid(value);
    }

    public static boolean isValid(String s) {
        if (s == null || !s.matches("^[0-9A-Z]{8}[0-9X]$")) {
            return false;
        }
        return s.charAt(8) == checkCharFor(s.substring(0, 8));
    }

    public static char checkCharFor(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** Formatted as usually printed: XXXXXXXX-X. */
    public String formatted() {
        return value.substring(0, 8) + "-" + value.charAt(8);
    }
}
