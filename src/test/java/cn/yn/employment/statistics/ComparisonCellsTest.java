package cn.yn.employment.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.statistics.internal.AggregateQueries;
import cn.yn.employment.statistics.internal.ComparisonCells;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trend's comparable-basis comparisons from frozen cells (docs/adr/0033) equal the live join for every kind of
 * filter, also after the accepted sets change under them (late acceptance, correction, reopened report), and two
 * requests storing the same pair at once leave one consistent copy. Own periods (2093) and the two smallest
 * prefectures, so the shared PostgreSQL database's other data does not disturb the comparison (both sides see it).
 */
class ComparisonCellsTest extends StatisticsTestBase {

    static final String LAST = "2093-04";
    static final List<String> PERIODS = StatisticsService.periodsEndingWith(LAST, 4);
    static final String FUGONG = "533323";
    static final String LANPING = "533325";
    static final String WEIXI = "533423";
    /** Not the registration types of AggregatesTest's fixture, whose counts of filed enterprises are exact. */
    static final String TYPE_N = "141";
    static final String TYPE_D = "149";

    @Autowired
    StatisticsService statistics;
    @Autowired
    AggregateQueries queries;
    @Autowired
    ComparisonCells cells;

    long n1;
    long n3;
    long d1;

    @BeforeEach
    void fixture() {
        signInProvinceLeader();
        n1 = enterprise("可比一厂", NUJIANG, LUSHUI, "C", "13", TYPE_N, 500);
        long n2 = enterprise("可比二厂", NUJIANG, FUGONG, "C", "14", TYPE_N, 300);
        n3 = enterprise("可比三厂", NUJIANG, LANPING, "F", "51", "159", 200);
        long n4 = enterprise("可比四厂", NUJIANG, LUSHUI, null, null, null, 100);
        d1 = enterprise("可比五厂", DIQING, SHANGRILA, "C", "13", TYPE_D, 800);
        long d2 = enterprise("可比六厂", DIQING, WEIXI, "G", "54", TYPE_D, 150);
        for (int i = 0; i < PERIODS.size(); i++) {
            String p = PERIODS.get(i);
            report(n1, p, "ACCEPTED", null, 500 - 3 * i, null);
            report(n2, p, "ACCEPTED", null, 300 + 5 * i, null);
            report(n3, p, i == 1 ? "PENDING_PROVINCE" : "ACCEPTED", null, 200 + i, null);
            if (i > 0) {
                report(n4, p, "ACCEPTED", null, 100 - i, null);
            }
            report(d1, p, "ACCEPTED", null, 800 + 11 * i, null);
            report(d2, p, i == 2 ? "FORWARDED" : "ACCEPTED", null, 150 - 2 * i, null);
        }
    }

    static List<StatisticsFilter> filters() {
        StatisticsFilter all = StatisticsFilter.all();
        return List.of(all, all.withCity(NUJIANG), all.withCity(DIQING), all.withCounty(LUSHUI), all.withCounty(LANPING),
                all.withCounty("533324"), all.withIndustrySection("C"), all.withIndustryDivision("13"),
                all.withIndustrySection("F").withIndustryDivision("51"), all.withRegistrationType(TYPE_N),
                all.withRegistrationType("159"), all.withCity(DIQING).withIndustrySection("C"),
                all.withCity(NUJIANG).withIndustryDivision("14").withRegistrationType(TYPE_N),
                all.withCounty(LANPING).withRegistrationType("159"), all.withCity(DIQING).withRegistrationType(TYPE_D), all.withCity(NUJIANG).excludingLargest(1));
    }

    private List<Comparison> live(StatisticsFilter f) {
        return queries.comparePrevious(PERIODS, StatisticsService::previous, f);
    }

    /** Through the service: its read-only transaction around the cells' own write transaction. */
    private void assertAllAgreeWithTheLiveJoin() {
        for (StatisticsFilter f : filters()) {
            assertThat(statistics.trendComparisons(LAST, 4, f)).as("%s", f).isEqualTo(live(f));
        }
    }

    private Comparison at(List<Comparison> cs, String period) {
        return cs.get(PERIODS.indexOf(period));
    }

    @Test
    void cellsAgreeWithTheLiveJoinAndAreServedOnceStored() {
        assertAllAgreeWithTheLiveJoin();
        assertThat(jdbc.queryForObject("select count(*) from statistics_pair where period_code in ('2093-02', '2093-03', '2093-04')",
                Integer.class)).isEqualTo(3);
        // a marked cell and a marked total show through: the stored pairs are what is read, not the join
        jdbc.update("update statistics_pair_cell set headcount = headcount + 1000000 where period_code = '2093-03'"
                + " and county_code = ?", SHANGRILA);
        jdbc.update("update statistics_pair set headcount = headcount + 1000000 where period_code = '2093-03'");
        assertThat(at(statistics.trendComparisons(LAST, 4, StatisticsFilter.city(DIQING)), "2093-03").headcount())
                .isEqualTo(at(live(StatisticsFilter.city(DIQING)), "2093-03").headcount() + 1000000);
        assertThat(at(statistics.trendComparisons(LAST, 4, StatisticsFilter.all()), "2093-03").headcount())
                .isEqualTo(at(live(StatisticsFilter.all()), "2093-03").headcount() + 1000000);
        jdbc.update("delete from statistics_pair where period_code between '2093-01' and '2093-04'");
        assertAllAgreeWithTheLiveJoin();
    }

    @Test
    void aChangeToEitherPeriodMakesThePairStale() {
        assertAllAgreeWithTheLiveJoin();
        StatisticsFilter lanping = StatisticsFilter.all().withCounty(LANPING);
        long before = at(live(lanping), "2093-03").enterprises();

        // late acceptance of N3's 2093-02 (same updated_at as the fixture: the count alone must tell)
        jdbc.update("update report set state = 'ACCEPTED' where enterprise_id = ? and period_code = '2093-02'", n3);
        assertThat(at(statistics.trendComparisons(LAST, 4, lanping), "2093-03").enterprises()).isEqualTo(before + 1);
        assertAllAgreeWithTheLiveJoin();

        // 更正 of D1's 2093-03 headcount: only the headcount sum moves
        jdbc.update("update report set headcount = headcount + 7 where enterprise_id = ? and period_code = '2093-03'", d1);
        assertAllAgreeWithTheLiveJoin();

        // a correction that changes nothing but the lock version and the time
        jdbc.update("update report set lock_version = lock_version + 1, updated_at = current_timestamp"
                + " where enterprise_id = ? and period_code = '2093-04'", d1);
        assertAllAgreeWithTheLiveJoin();

        // N1's 2093-04 sent back (reopened): leaves the accepted set
        jdbc.update("update report set state = 'RETURNED' where enterprise_id = ? and period_code = '2093-04'", n1);
        assertAllAgreeWithTheLiveJoin();
    }

    @Test
    void concurrentRequestsLeaveOneConsistentCopyOfEachPair() throws Exception {
        jdbc.update("delete from statistics_pair where period_code between '2093-01' and '2093-04'");
        List<Comparison> expected = live(StatisticsFilter.all());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Comparison>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> cells.comparePrevious(PERIODS, StatisticsService::previous, StatisticsFilter.all()));
            }
            for (Future<List<Comparison>> r : pool.invokeAll(calls)) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        for (String p : PERIODS.subList(1, PERIODS.size())) {
            assertThat(jdbc.queryForObject("select count(*) from statistics_pair where period_code = ?", Integer.class, p)).isEqualTo(1);
            Comparison c = at(expected, p);
            assertThat(jdbc.queryForObject("select sum(headcount) from statistics_pair_cell where period_code = ? and previous_code = ?",
                    Long.class, p, StatisticsService.previous(p))).isEqualTo(c.headcount());
            assertThat(jdbc.queryForObject("select sum(enterprises) from statistics_pair_cell where period_code = ? and previous_code = ?",
                    Long.class, p, StatisticsService.previous(p))).isEqualTo(c.enterprises());
        }
        for (StatisticsFilter f : filters()) {
            assertThat(cells.comparePrevious(PERIODS, StatisticsService::previous, f)).as("%s", f).isEqualTo(live(f));
        }
    }
}
