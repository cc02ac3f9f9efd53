package cn.yn.employment.migration;

import java.time.Instant;

/** An import batch as listed: what it loaded and whether it has been rolled back. */
public record BatchView(long id, String state, String files, int enterprisesLoaded, int reportsLoaded, int usersLoaded,
                        int rowsRejected, int rowsPresent, long durationMillis, Instant loadedAt, String loadedBy,
                        Instant rolledBackAt, String rolledBackBy) {

    public static final String LOADED = "LOADED";
    public static final String ROLLED_BACK = "ROLLED_BACK";

    public boolean rolledBack() {
        return ROLLED_BACK.equals(state);
    }
}
