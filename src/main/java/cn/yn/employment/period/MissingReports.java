package cn.yn.employment.period;

import java.time.Instant;
import java.util.Set;

/**
 * What the calendar asks of the reports when reporting windows end and when a closed period is reopened. The
 * report module implements it: it owns the {@code report} table, the calendar only says whose windows have ended.
 */
public interface MissingReports {

    /**
     * Marks 缺报 every filed enterprise whose window has ended without a submitted report: its draft becomes
     * MISSING (remembered, so a reopen gives it back), or a MISSING row is created. Idempotent.
     *
     * @return rows inserted or updated
     */
    int markMissing(WindowsEnded ended);

    /** A reopened period: drafts turned MISSING at the close become drafts again, placeholder MISSING rows go. */
    Restored restore(String periodCode, Instant at);

    /**
     * Whose windows have ended at {@code at}: the cities with their own window that has ended, and — when the
     * period's window has ended — every city without its own window. Enterprises holding an active late-filing
     * grant are left alone.
     */
    record WindowsEnded(String periodCode, Instant at, boolean periodWindowEnded, Set<String> citiesWithOwnWindow,
                        Set<String> ownWindowEnded, Set<Long> enterprisesWithGrant) {

        public WindowsEnded {
            citiesWithOwnWindow = Set.copyOf(citiesWithOwnWindow);
            ownWindowEnded = Set.copyOf(ownWindowEnded);
            enterprisesWithGrant = Set.copyOf(enterprisesWithGrant);
        }

        public boolean anyEnded() {
            return periodWindowEnded || !ownWindowEnded.isEmpty();
        }
    }

    record Restored(int draftsRestored, int placeholdersRemoved) {
    }
}
