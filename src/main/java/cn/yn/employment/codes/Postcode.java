package cn.yn.employment.codes;

/** A six-digit Chinese postcode. */
public record Postcode(String value) {

    public Postcode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid postcode: " + value);
        }
    }

    public static boolean isValid(String s) {
        return s != null && s.matches("^\\d{6}$");
    }
}
