package cn.yn.employment.migration;

/** What happens to a row (or, for NOTE, to a file) when it is loaded. */
public enum Outcome {
    /** Not loaded; the reason says what to fix in the source. */
    REJECTED,
    /** Loaded with a value changed: a code mapped, a number normalised, an invalid contact left empty. */
    CHANGED,
    /** Not loaded and nothing to fix: a blank line, or a row already in the database (a reload). */
    SKIPPED,
    /** About the file: its encoding, a BOM, a column the mapping does not know. */
    NOTE
}
