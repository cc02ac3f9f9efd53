package cn.yn.employment.statistics;

/** What a breakdown groups by; each is a column both of {@code report} (denormalised) and of {@code enterprise}. */
public enum Dimension {
    CITY("city_code"),
    COUNTY("county_code"),
    INDUSTRY_SECTION("industry_section"),
    INDUSTRY_DIVISION("industry_division"),
    REGISTRATION_TYPE("registration_type");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
