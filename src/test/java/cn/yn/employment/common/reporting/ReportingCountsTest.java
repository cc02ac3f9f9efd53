package cn.yn.employment.common.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportingCountsTest {

    @Test
    void missingIsDueMinusReportedAndReturnedIsPartOfIt() {
        ReportingCounts c = ReportingCounts.of(6, 3, 2, 1);
        assertThat(c.missing()).isEqualTo(3);
        assertThat(c.inReview()).isEqualTo(1);
        assertThat(c.submissionRate()).isEqualByComparingTo("0.5");
        assertThat(c.reviewRate()).isEqualByComparingTo("0.33333333");
        assertThat(c.plus(ReportingCounts.of(4, 4, 4, 0))).isEqualTo(new ReportingCounts(10, 7, 6, 3, 1));
    }

    @Test
    void nothingDueHasNoRates() {
        assertThat(ReportingCounts.NONE.submissionRate()).isNull();
        assertThat(ReportingCounts.NONE.reviewRate()).isNull();
        assertThat(ReportingCounts.NONE.empty()).isTrue();
    }

    @Test
    void inconsistentCountsAreRefused() {
        assertThatThrownBy(() -> new ReportingCounts(5, 3, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class); // 缺报 ≠ 应报 − 已报
        assertThatThrownBy(() -> ReportingCounts.of(5, 6, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportingCounts.of(5, 2, 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportingCounts.of(5, 4, 4, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void figuresAreProvisionalWhileThePeriodIsOpenOrReportsAreStillMoving() {
        ReportingCounts settled = ReportingCounts.of(5, 4, 4, 0);
        assertThat(settled.provisional(false)).isFalse();
        assertThat(settled.provisional(true)).isTrue();
        assertThat(ReportingCounts.of(5, 4, 3, 0).provisional(false)).as("one under review").isTrue();
        assertThat(ReportingCounts.of(5, 4, 4, 1).provisional(false)).as("one returned").isTrue();
    }

    @Test
    void returnedIsNotReportedAndTheSqlListsAreStable() {
        assertThat(ReportingStates.REPORTED).doesNotContain("RETURNED", "DRAFT", "MISSING");
        assertThat(ReportingStates.REPORTED).containsAll(ReportingStates.ACCEPTED_BY_PROVINCE);
        assertThat(ReportingStates.sqlIn(ReportingStates.REPORTED))
                .isEqualTo("('ACCEPTED','FORWARDED','PENDING_CITY','PENDING_PROVINCE')");
        assertThat(ReportingStates.sumColumns("r.state")).contains("as reported", "as accepted", "as returned");
        assertThatThrownBy(() -> ReportingStates.sqlIn(Set.of("ACCEPTED'); drop table report; --")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
