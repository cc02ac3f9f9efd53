package cn.yn.employment.codes;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a check digit over
 * the first 17 with weights 3^(i-1) mod 31. Positions 9–17 are the organisation code (GB 11714).
 */
public record Uscc(String value) {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid USCC: " + value);
        }
    }

    public static boolean isValid(String s) {
        if (s == null || s.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(s.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return s.charAt(17) == CHARSET.charAt(check);
    }

    /** The check character for the first 17 characters, e.g. to build test data. */
    public static char checkCharFor(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("invalid character at " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** 组织机构代码: positions 9–17. */
    public OrganisationCode organisationCode() {
        return new OrganisationCode(value.substring(8, 17));
    }

    /** Normalises user input: trims and upper-cases. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.trim().toUpperCase();
    }
}
