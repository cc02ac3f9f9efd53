package cn.yn.employment.statistics;

import static cn.yn.employment.statistics.BulletinFixture.PERIOD;
import static cn.yn.employment.statistics.BulletinFixture.PREVIOUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class AggregatesTest extends StatisticsTestBase {

    @Autowired
    StatisticsService statistics;

    @BeforeEach
    void fixture() {
        BulletinFixture.loadOnce(this, jdbc);
        signInProvinceLeader();
    }

    @Test
    void bulletinCheckChangeRateIsMinusHalfPercent() {
        Figures f = statistics.figures(PERIOD, NUJIANG_F);
        assertThat(f.baselineHeadcount()).isEqualTo(76443);
        assertThat(f.headcount()).isEqualTo(76061);
        assertThat(f.change()).isEqualTo(-382);
        assertThat(Figures.percent(f.changeRate())).isEqualByComparingTo("-0.50");
        assertThat(f.monitored()).isEqualTo(3);
        assertThat(f.due()).isEqualTo(3);
        assertThat(f.accepted()).isEqualTo(3);
        assertThat(f.submissionRate()).isEqualByComparingTo("1");
        // P of the new enterprise E3 is its baseline 6443
        assertThat(f.previousHeadcount()).isEqualTo(49900 + 20050 + 6443);
        assertThat(f.lost()).isEqualTo(100 + 150 + 82);
        assertThat(f.jobLossRate()).isEqualByComparingTo(Figures.ratio(332, 76393));
        assertThat(f.rose()).isZero();
        assertThat(f.fell()).isEqualTo(3);
        assertThat(f.fellBy()).isEqualTo(382);
        assertThat(f.unchanged()).isZero();
    }

    @Test
    void submissionCountsIncludeEnterprisesWithoutAReportRow() {
        Figures f = statistics.figures(PERIOD, DIQING_F);
        assertThat(f.monitored()).isEqualTo(6);
        assertThat(f.due()).isEqualTo(6);
        // 已报 = E4, E9 accepted + E7 pending; RETURNED (E6) is sent back, so it is 缺报 with E5 (MISSING) and E8 (no row)
        assertThat(f.reported()).isEqualTo(3);
        assertThat(f.accepted()).isEqualTo(2);
        assertThat(f.counts().inReview()).isEqualTo(1);
        assertThat(f.returned()).isEqualTo(1);
        assertThat(f.missing()).isEqualTo(3);
        assertThat(f.submissionRate()).isEqualByComparingTo(Figures.ratio(3, 6));
        assertThat(f.reviewRate()).isEqualByComparingTo(Figures.ratio(2, 6));
        assertThat(f.baselineHeadcount()).isEqualTo(1800);
        assertThat(f.headcount()).isEqualTo(1880);
        assertThat(f.rose()).isEqualTo(1);
        assertThat(f.roseBy()).isEqualTo(100);
        assertThat(f.fell()).isEqualTo(1);
        assertThat(f.fellBy()).isEqualTo(20);
    }

    @Test
    void monthOnMonthComparesOnlyEnterprisesThatReportedInBothPeriods() {
        Comparison mom = statistics.monthOnMonth(PERIOD, NUJIANG_F);
        assertThat(mom.comparedPeriod()).isEqualTo(PREVIOUS);
        assertThat(mom.enterprises()).isEqualTo(2); // E3 is new and left out
        assertThat(mom.headcount()).isEqualTo(49800 + 19900);
        assertThat(mom.comparedHeadcount()).isEqualTo(49900 + 20050);
        assertThat(mom.change()).isEqualTo(-250);
        assertThat(mom.rate()).isEqualByComparingTo(Figures.ratio(-250, 69950));

        Comparison yoy = statistics.yearOnYear(PERIOD, NUJIANG_F);
        assertThat(yoy.comparedPeriod()).isEqualTo("2090-06");
        assertThat(yoy.enterprises()).isEqualTo(1);
        assertThat(yoy.change()).isEqualTo(-300);
    }

    @Test
    void noPreviousPeriodGivesNoRate() {
        Comparison mom = statistics.monthOnMonth(PREVIOUS, NUJIANG_F);
        assertThat(mom.enterprises()).isZero();
        assertThat(mom.rate()).isNull();
        Comparison yoy = statistics.yearOnYear(PERIOD, DIQING_F);
        assertThat(yoy.rate()).isNull();
        Figures empty = statistics.figures("2091-01", NUJIANG_F);
        assertThat(empty.accepted()).isZero();
        assertThat(empty.changeRate()).isNull();
        assertThat(empty.jobLossRate()).isNull();
    }

    @Test
    void largestFourExcluded() {
        StatisticsFilter all = StatisticsFilter.all();
        Figures whole = statistics.figures(PERIOD, all);
        assertThat(whole.accepted()).isGreaterThanOrEqualTo(5);
        // in the two fixture prefectures: by headcount E1 49800, E2 19900, E3 6361, E4 1100 go; E9 (780) stays
        Figures nujiangExcl = statistics.figures(PERIOD, NUJIANG_F.excludingLargest(2));
        assertThat(nujiangExcl.accepted()).isEqualTo(1);
        assertThat(nujiangExcl.baselineHeadcount()).isEqualTo(6443);
        assertThat(nujiangExcl.headcount()).isEqualTo(6361);
        assertThat(nujiangExcl.monitored()).isEqualTo(1);
        Figures diqingExcl = statistics.figures(PERIOD, DIQING_F.excludingLargest(1));
        assertThat(diqingExcl.accepted()).isEqualTo(1);
        assertThat(diqingExcl.headcount()).isEqualTo(780);
        Map<String, Figures> byCity = byKey(statistics.breakdown(PERIOD,
                StatisticsFilter.all().withIndustrySection("C").excludingLargest(StatisticsFilter.BULLETIN_EXCLUDED), Dimension.CITY));
        // only fixture data in section C of 2091 is Nujiang's three, all among the four largest of section C
        assertThat(byCity.get(NUJIANG) == null ? 0 : byCity.get(NUJIANG).accepted()).isZero();
        assertThat(statistics.monthOnMonth(PERIOD, NUJIANG_F.excludingLargest(1)).enterprises()).isEqualTo(1);
    }

    @Test
    void reportTotalsAreTheSumOfTheirGroups() {
        // the report tables take their total row from the breakdown instead of scanning the period again
        for (StatisticsFilter f : List.of(StatisticsFilter.all(), NUJIANG_F, NUJIANG_F.excludingLargest(2))) {
            for (Dimension d : Dimension.values()) {
                assertThat(StatisticsReports.total(statistics.breakdown(PERIOD, f, d))).isEqualTo(statistics.figures(PERIOD, f));
            }
        }
    }

    @Test
    void breakdownsAndTrend() {
        Map<String, Figures> byCity = byKey(statistics.breakdown(PERIOD, StatisticsFilter.all(), Dimension.CITY));
        assertThat(byCity.get(NUJIANG).headcount()).isEqualTo(76061);
        assertThat(byCity.get(DIQING).headcount()).isEqualTo(1880);
        assertThat(byKey(statistics.breakdown(PERIOD, StatisticsFilter.all().withRegistrationType(DIQING_TYPE), Dimension.CITY))
                .get(DIQING).due()).isEqualTo(6);
        Map<String, Figures> bySection = byKey(statistics.breakdown(PERIOD, NUJIANG_F, Dimension.INDUSTRY_SECTION));
        assertThat(bySection).containsOnlyKeys("C");
        Map<String, Figures> byType = byKey(statistics.breakdown(PERIOD, DIQING_F, Dimension.REGISTRATION_TYPE));
        assertThat(byType.get(DIQING_TYPE).monitored()).isEqualTo(6);
        Map<String, Figures> byCounty = byKey(statistics.breakdown(PERIOD, DIQING_F, Dimension.COUNTY));
        assertThat(byCounty).containsOnlyKeys(SHANGRILA);

        List<Figures> trend = statistics.trend(PERIOD, 12, NUJIANG_F);
        assertThat(trend).hasSize(12);
        assertThat(trend.get(0).key()).isEqualTo("2090-07");
        assertThat(trend.get(11).headcount()).isEqualTo(76061);
        assertThat(trend.get(10).headcount()).isEqualTo(69950);
        assertThat(trend.get(0).accepted()).isZero();
        assertThat(statistics.trend(PERIOD, 24, NUJIANG_F).get(12 - 1).headcount()).isEqualTo(50100);
    }

    @Test
    void reductionsAndWarnings() {
        Map<String, CodeCount> types = statistics.reductionTypes(PERIOD, NUJIANG_F).stream()
                .collect(Collectors.toMap(CodeCount::code, Function.identity()));
        assertThat(types.get("RT03").enterprises()).isEqualTo(2);
        assertThat(types.get("RT03").persons()).isEqualTo(250);
        assertThat(types.get("RT03").name()).isEqualTo("经济性裁员");
        assertThat(types.get("RT02").persons()).isEqualTo(82);
        Map<String, CodeCount> reasons = statistics.reductionReasons(PERIOD, NUJIANG_F).stream()
                .collect(Collectors.toMap(CodeCount::code, Function.identity()));
        assertThat(reasons.get("RC01").enterprises()).isEqualTo(2);
        assertThat(reasons.get("RC01").persons()).isEqualTo(182);
        assertThat(reasons.get("RC04").enterprises()).isEqualTo(2);
        assertThat(reasons.get("RC04").persons()).isEqualTo(250);

        assertThat(statistics.warningLevels(PERIOD, NUJIANG_F))
                .containsExactly(new CodeCount("YELLOW", "YELLOW", 1, 150));
        List<WarningRow> rows = statistics.warnings(PERIOD, DIQING_F, 10);
        assertThat(rows).extracting(WarningRow::enterpriseName).containsExactly("迪庆测试九号");
        assertThat(rows.get(0).decreaseRate()).isEqualByComparingTo(new BigDecimal("0.025"));
    }

    @Test
    void cityScopedUserOnlyEverSeesItsCity() {
        signIn(Scope.city(NUJIANG), Role.LEADER);
        Figures f = statistics.figures(PERIOD, StatisticsFilter.all().withRegistrationType(NUJIANG_TYPE));
        assertThat(f.headcount()).isEqualTo(76061);
        assertThat(f.monitored()).isEqualTo(3);
        assertThat(byKey(statistics.breakdown(PERIOD, StatisticsFilter.all(), Dimension.CITY))).containsOnlyKeys(NUJIANG);
        assertThat(statistics.warnings(PERIOD, StatisticsFilter.all(), 100)).extracting(WarningRow::cityCode).containsOnly(NUJIANG);
        assertThat(statistics.trend(PERIOD, 12, StatisticsFilter.all()).get(11).headcount()).isEqualTo(76061);
        assertThatThrownBy(() -> statistics.figures(PERIOD, DIQING_F))
                .isInstanceOf(AccessDeniedException.class);
        // a county of another city gives nothing, never that county's data
        assertThat(statistics.figures(PERIOD, StatisticsFilter.all().withCounty(SHANGRILA)).accepted()).isZero();

        signIn(Scope.city(DIQING), Role.CITY_REVIEWER);
        assertThat(statistics.figures(PERIOD, null).headcount()).isEqualTo(1880);
        assertThat(statistics.figures(PERIOD, StatisticsFilter.all().withRegistrationType(DIQING_TYPE)).due()).isEqualTo(6);
    }

    @Test
    void onlyLeadersAndReviewersMayCallStatistics() {
        signIn(Scope.enterprise(1), Role.ENTERPRISE);
        assertThatThrownBy(() -> statistics.figures(PERIOD, StatisticsFilter.all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> statistics.periods()).isInstanceOf(AccessDeniedException.class);
        signIn(Scope.system(), Role.SYSTEM_ADMIN);
        assertThatThrownBy(() -> statistics.figures(PERIOD, StatisticsFilter.all())).isInstanceOf(AccessDeniedException.class);
        signIn(Scope.province(), Role.PROVINCE_REVIEWER);
        assertThat(statistics.figures(PERIOD, NUJIANG_F).headcount()).isEqualTo(76061);
    }

    static Map<String, Figures> byKey(List<Figures> figures) {
        return figures.stream().filter(f -> f.key() != null).collect(Collectors.toMap(Figures::key, Function.identity()));
    }
}
