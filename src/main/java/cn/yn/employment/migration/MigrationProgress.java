package cn.yn.employment.migration;

/** How far a dry run or load is: rows of all files processed of the total, and the phase (an i18n key suffix). */
public record MigrationProgress(String phase, long done, long total) {

    public double fraction() {
        return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    }
}
