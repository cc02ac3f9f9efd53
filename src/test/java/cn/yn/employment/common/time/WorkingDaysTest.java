package cn.yn.employment.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    static final LocalDate THURSDAY = LocalDate.of(2026, 10, 1);

    @Test
    void weekendsAndHolidaysAreSkippedAndMakeUpDaysCount() {
        assertThat(WorkingDays.WEEKDAYS.plus(THURSDAY, 1)).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(WorkingDays.WEEKDAYS.plus(THURSDAY, 2)).isEqualTo(LocalDate.of(2026, 10, 5));
        // National Day week off, Saturday 10-10 worked instead (调休)
        WorkingDays national = new WorkingDays(WorkingDays.parseDates("2026-10-01..2026-10-07"),
                WorkingDays.parseDates("2026-10-10"));
        assertThat(national.isWorkingDay(THURSDAY)).isFalse();
        assertThat(national.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(national.plus(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(national.plus(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void aDueMomentIsTheLastSecondOfTheLastWorkingDay() {
        var arrived = LocalDateTime.of(2026, 10, 1, 16, 30).atZone(TimeConfig.ZONE).toInstant();
        assertThat(WorkingDays.WEEKDAYS.dueAfter(arrived, 2))
                .isEqualTo(LocalDateTime.of(2026, 10, 5, 23, 59, 59).atZone(TimeConfig.ZONE).toInstant());
    }

    @Test
    void theParameterTextIsReadStrictly() {
        assertThat(WorkingDays.parseDates("")).isEmpty();
        assertThat(WorkingDays.parseDates("2027-01-01, 2027-02-10..2027-02-12")).containsExactly(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 11), LocalDate.of(2027, 2, 12));
        assertThatThrownBy(() -> WorkingDays.parseDates("2027-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingDays.parseDates("2027-03-01..2027-02-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingDays.parseDates("2027-01-01..2029-01-01")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WorkingDays(Set.of(THURSDAY), Set.of()).isWorkingDay(THURSDAY)).isFalse();
    }
}
