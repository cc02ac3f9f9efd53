package cn.yn.employment.forwarding.internal;

import cn.yn.employment.common.security.Scope;
import cn.yn.employment.report.AcceptedReports.AcceptedReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The period summary of {@code summary.csv}: totals of every accepted report per city and for the province. */
final class PeriodSummary {

    /** Totals of one city (or of the province, city code 530000). */
    record Totals(String cityCode, int records, long baseline, long previous, long headcount, long hired, long separated,
                  long dispatched) {

        Totals plus(AcceptedReport r) {
            return new Totals(cityCode, records + 1, baseline + r.baselineHeadcount(), previous + nz(r.previousHeadcount()),
                    headcount + nz(r.headcount()), hired + nz(r.hired()), separated + nz(r.separated()),
                    dispatched + nz(r.dispatched()));
        }

        Totals plus(Totals t) {
            return new Totals(cityCode, records + t.records, baseline + t.baseline, previous + t.previous,
                    headcount + t.headcount, hired + t.hired, separated + t.separated, dispatched + t.dispatched);
        }

        /** 变化数 ΣE − ΣB (DOMAIN.md §7). */
        long change() {
            return headcount - baseline;
        }

        private static long nz(Integer v) {
            return v == null ? 0 : v;
        }
    }

    private final Map<String, Totals> byCity = new TreeMap<>();

    void add(AcceptedReport r) {
        byCity.computeIfAbsent(r.cityCode(), c -> new Totals(c, 0, 0, 0, 0, 0, 0, 0));
        byCity.put(r.cityCode(), byCity.get(r.cityCode()).plus(r));
    }

    /** Each city in code order, then the province total. */
    List<Totals> rows() {
        List<Totals> out = new ArrayList<>(byCity.values());
        Totals province = new Totals(Scope.PROVINCE_CODE, 0, 0, 0, 0, 0, 0, 0);
        for (Totals t : byCity.values()) {
            province = province.plus(t);
        }
        out.add(province);
        return out;
    }
}
