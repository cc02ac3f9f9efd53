package cn.yn.employment.bench;

import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.statistics.ReportKind;
import cn.yn.employment.statistics.StatisticsFilter;
import cn.yn.employment.statistics.StatisticsReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * P9: statistics while a deadline burst runs. In one run: P4's summary (by city + by county of a closed month) on a
 * quiet application, a burst of submissions alone, then a burst of the same size while a province leader runs the
 * summary over and over. Reports P4 during the burst against P4 quiet (target: within 2×) and the burst's rate
 * under the statistics against its rate alone (target: ≥ 0.8×).
 */
public class LoadMixScenarios {

    private final BenchmarkScenarios scenarios;
    private final StatisticsReports statistics;
    private final BenchReport out;

    public LoadMixScenarios(BenchmarkScenarios scenarios, StatisticsReports statistics, BenchReport out) {
        this.scenarios = scenarios;
        this.statistics = statistics;
        this.out = out;
    }

    public void p9StatisticsDuringBurst(String openPeriod, String closedPeriod, int burst, int quietRepetitions) throws Exception {
        out.begin("P9s");
        out.begin("P9b");
        CurrentUser leader = new CurrentUser(-5, "bench-leader-p9", "领导", Set.of(Role.LEADER), Scope.province());
        StatisticsFilter all = StatisticsFilter.all();
        Runnable summary = () -> PeriodScenarios.as(leader, () -> statistics.table(ReportKind.SUMMARY_BY_CITY, closedPeriod, all,
                Translations.CHINESE).rows().size() + statistics.table(ReportKind.SUMMARY_BY_COUNTY, closedPeriod, all,
                Translations.CHINESE).rows().size());
        summary.run();   // warm
        List<Double> quiet = new ArrayList<>();
        for (int i = 0; i < quietRepetitions; i++) {
            quiet.add(time(summary));
        }
        List<Double> alone = new ArrayList<>();
        List<Double> mixed = new ArrayList<>();
        List<Double> during = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            alone.add(scenarios.submitAll(openPeriod, scenarios.unreported(openPeriod, burst)));
            scenarios.analyzeQuick();
            List<Map<String, Object>> batch = scenarios.unreported(openPeriod, burst);
            CompletableFuture<Double> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return scenarios.submitAll(openPeriod, batch);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!running.isDone()) {   // every call that starts while the burst runs
                during.add(time(summary));
            }
            mixed.add(running.get());
            scenarios.analyzeQuick();
        }
        SecurityContextHolder.clearContext();
        if (during.isEmpty()) {
            throw new IllegalStateException("the burst ended before one statistics call did; raise -Dbench.p9Burst");
        }
        out.add(new Measurement("P9s", "P4 summary by city + county during a burst of " + burst + " submissions (" + CLIENTS() + " clients)",
                "ms", false, "within 2× its quiet figure", during, quiet, "P4 summary, quiet (same run)",
                String.format(Locale.ROOT, "%d calls started during 3 bursts; during ÷ quiet = %.2f", during.size(),
                        Measurement.stat(during, 50) / Measurement.stat(quiet, 50))));
        out.add(new Measurement("P9b", "Burst of " + burst + " submissions while P4 runs in a loop", "subm/s", true,
                "≥ 0.8 × the burst alone", mixed, alone, "burst alone (same run)", "3 repetitions, alternating alone / with statistics"));
    }

    private static int CLIENTS() {
        return BenchmarkScenarios.CLIENTS;
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }
}
