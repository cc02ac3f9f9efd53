package cn.yn.employment.statistics;

import static cn.yn.employment.common.Texts.trimToNull;

/**
 * What the figures are restricted to. Null fields mean "all". {@code excludeLargest} removes the N enterprises
 * with the largest headcount of the period (bulletins publish the figures "excluding the 4 largest").
 */
public record StatisticsFilter(String cityCode, String countyCode, String industrySection, String industryDivision,
                               String registrationType, int excludeLargest) {

    public static final int BULLETIN_EXCLUDED = 4;

    public static StatisticsFilter all() {
        return new StatisticsFilter(null, null, null, null, null, 0);
    }

    public static StatisticsFilter city(String cityCode) {
        return all().withCity(cityCode);
    }

    public StatisticsFilter withCity(String city) {
        return new StatisticsFilter(trimToNull(city), countyCode, industrySection, industryDivision, registrationType, excludeLargest);
    }

    public StatisticsFilter withCounty(String county) {
        return new StatisticsFilter(cityCode, trimToNull(county), industrySection, industryDivision, registrationType, excludeLargest);
    }

    public StatisticsFilter withIndustrySection(String section) {
        return new StatisticsFilter(cityCode, countyCode, trimToNull(section), industryDivision, registrationType, excludeLargest);
    }

    public StatisticsFilter withIndustryDivision(String division) {
        return new StatisticsFilter(cityCode, countyCode, industrySection, trimToNull(division), registrationType, excludeLargest);
    }

    public StatisticsFilter withRegistrationType(String type) {
        return new StatisticsFilter(cityCode, countyCode, industrySection, industryDivision, trimToNull(type), excludeLargest);
    }

    public StatisticsFilter excludingLargest(int n) {
        return new StatisticsFilter(cityCode, countyCode, industrySection, industryDivision, registrationType, Math.max(0, n));
    }

}
