package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.report.ReportTestBase;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class PeriodServiceTest extends ReportTestBase {

    @Autowired
    PeriodService periods;

    static Instant at(int y, int m, int d, int h) {
        return LocalDateTime.of(y, m, d, h, 0).atZone(TimeConfig.ZONE).toInstant();
    }

    @Test
    void createUsesDefaultWindowOfFollowingMonthAndStateFromClock() {
        actAs(province());
        SurveyPeriod p = periods.find("2025-11").orElseGet(() -> periods.create("2025-11"));
        assertThat(p.windowStart()).isEqualTo(at(2025, 12, 1, 0));
        assertThat(p.windowEnd()).isEqualTo(at(2025, 12, 11, 0));
        assertThat(p.state()).isEqualTo(PeriodState.CLOSED);
        SurveyPeriod future = periods.find("2026-05").orElseGet(() -> periods.create("2026-05"));
        assertThat(future.state()).isEqualTo(PeriodState.SCHEDULED);
        // a closed period accepts nothing, even inside its window
        assertThat(periods.isOpenFor("2025-11", "530100", at(2025, 12, 10, 23))).isFalse();
        assertThat(periods.isOpenFor("2026-05", "530100", at(2026, 6, 10, 23))).isTrue();
        assertThat(periods.isOpenFor("2026-05", "530100", at(2026, 6, 11, 0))).isFalse();
        assertThat(periods.isOpenFor("2026-05", "530100", at(2026, 5, 31, 23))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PERIOD_CREATED' and target_id = '2025-11'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void cityWindowOverridesThePeriodWindow() {
        actAs(province());
        periods.find("2026-08").orElseGet(() -> periods.create("2026-08"));
        jdbc.update("insert into period_city_window (period_code, city_code, window_start, window_end) values (?, ?, ?, ?)",
                "2026-08", "530300", Timestamp.from(at(2026, 9, 1, 0)), Timestamp.from(at(2026, 9, 15, 0)));
        assertThat(periods.windowFor("2026-08", "530300").end()).isEqualTo(at(2026, 9, 15, 0));
        assertThat(periods.windowFor("2026-08", "530100").end()).isEqualTo(at(2026, 9, 11, 0));
        assertThat(periods.isOpenFor("2026-08", "530300", at(2026, 9, 12, 0))).isTrue();
        assertThat(periods.isOpenFor("2026-08", "530100", at(2026, 9, 12, 0))).isFalse();
    }

    @Test
    void currentIsTheOpenPeriod() {
        actAs(province());
        periods.find("2026-02").orElseGet(() -> periods.create("2026-02"));
        assertThat(periods.current()).get().extracting(SurveyPeriod::code).isEqualTo("2026-02");
    }

    @Test
    void onlyProvinceCreatesAndCodesAreChecked() {
        actAs(city("530100"));
        assertThatThrownBy(() -> periods.create("2026-07")).isInstanceOf(AccessDeniedException.class);
        actAs(province());
        assertThatThrownBy(() -> periods.create("2026-13")).isInstanceOf(DomainException.class);
        assertThat(PeriodService.previousCode("2026-01")).isEqualTo("2025-12");
    }
}
