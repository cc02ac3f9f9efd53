package cn.yn.employment.common;

/** Null and blank handling for text, as every module needs it. */
public final class Texts {

    private Texts() {
    }

    /** The text, or "" for null. */
    public static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The trimmed text, or null when it is null or blank. */
    public static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
