package cn.yn.employment.migration.internal;

import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ReconciliationLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Running sums per table, city and period: source, rejected, present and loaded rows, employees and reductions. */
final class Totals {

    enum Slot { SOURCE, REJECTED, PRESENT, LOADED }

    private record Key(FileKind table, String city, String period) {
    }

    private final Map<Key, long[]> sums = new TreeMap<>(Comparator.comparing(Key::table).thenComparing(Key::city)
            .thenComparing(Key::period));

    /** Counts a row with its employees and reductions in one slot; a source row is counted in SOURCE and one other slot. */
    void add(FileKind table, String city, String period, Slot slot, long employees, long reductions) {
        long[] s = sums.computeIfAbsent(new Key(table, nz(city), nz(period)), k -> new long[12]);
        int i = slot.ordinal() * 3;
        s[i]++;
        s[i + 1] += employees;
        s[i + 2] += reductions;
    }

    /** Replaces the loaded figures of a table with what the database holds for the batch. */
    void replaceLoaded(FileKind table, Map<List<String>, long[]> measured) {
        sums.forEach((k, s) -> {
            if (k.table() == table) {
                s[9] = 0;
                s[10] = 0;
                s[11] = 0;
            }
        });
        measured.forEach((cityPeriod, m) -> {
            long[] s = sums.computeIfAbsent(new Key(table, nz(cityPeriod.get(0)), nz(cityPeriod.get(1))), k -> new long[12]);
            s[9] = m[0];
            s[10] = m[1];
            s[11] = m[2];
        });
    }

    List<ReconciliationLine> lines() {
        List<ReconciliationLine> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new ReconciliationLine(k.table(), k.city(), k.period(), (int) s[0], (int) s[3], (int) s[6],
                (int) s[9], s[1], s[4], s[7], s[10], s[2], s[5], s[8], s[11])));
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
