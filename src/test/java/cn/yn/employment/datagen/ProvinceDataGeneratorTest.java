package cn.yn.employment.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.codes.Uscc;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The generator at small scale, so it cannot rot: 2,000 enterprises, 3 months. */
@SpringBootTest
class ProvinceDataGeneratorTest {

    @Autowired ProvinceDataGenerator generator;
    @Autowired JdbcTemplate jdbc;

    @Test
    void generatesAPlausibleDeterministicProvince() {
        int before = jdbc.queryForObject("select count(*) from enterprise", Integer.class);
        GenerationResult r = generator.generate(new GeneratorSettings(2000, 3, 42, YearMonth.of(2026, 10)));

        assertThat(r.enterprises()).isEqualTo(2000);
        assertThat(r.reports()).isEqualTo(6000);
        assertThat(jdbc.queryForObject("select count(*) from enterprise", Integer.class)).isEqualTo(before + 2000);
        // every city and most counties hold enterprises
        assertThat(jdbc.queryForObject("select count(distinct city_code) from enterprise where uscc like '91%MB%'", Integer.class)).isEqualTo(16);
        assertThat(jdbc.queryForObject("select count(distinct county_code) from enterprise where uscc like '91%MB%'", Integer.class)).isGreaterThan(100);
        List<String> usccs = jdbc.queryForList("select uscc from enterprise where uscc like '91%MB%'", String.class);
        assertThat(usccs).allMatch(Uscc::isValid).doesNotHaveDuplicates();
        // history: previous headcount chains month to month; layoffs produce warnings and reasons
        assertThat(jdbc.queryForObject("select count(*) from report r join report p on p.enterprise_id = r.enterprise_id"
                + " and p.period_code = '2026-08' where r.period_code = '2026-09' and r.previous_headcount <> p.headcount", Integer.class)).isZero();
        assertThat(r.layoffWarnings()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from report where headcount < baseline_headcount and reason1_code is null"
                + " and period_code between '2026-07' and '2026-09'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select state from survey_period where code = '2026-10'", String.class)).isEqualTo("OPEN");
        // deterministic for a seed: the same figures every run
        assertThat(jdbc.queryForObject("select sum(baseline_headcount) from report where period_code = '2026-09'", Long.class))
                .isEqualTo(GOLDEN_BASELINE_SUM);
    }

    static final long GOLDEN_BASELINE_SUM = 133_538L;
}
