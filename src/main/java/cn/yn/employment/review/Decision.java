package cn.yn.employment.review;

/** A reviewer's decision on a review task (process variable {@code decision}). */
public enum Decision {
    APPROVE, RETURN;

    /** The decision a task variable holds, or null when it holds none (or something else). */
    public static Decision of(Object variable) {
        if (variable instanceof Decision d) {
            return d;
        }
        if (variable instanceof String s) {
            for (Decision d : values()) {
                if (d.name().equals(s)) {
                    return d;
                }
            }
        }
        return null;
    }
}
