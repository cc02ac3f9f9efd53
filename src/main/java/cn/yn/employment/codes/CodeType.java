package cn.yn.employment.codes;

/** The code tables, each seeded from the CSV of the same name under {@code classpath:codes/}. */
public enum CodeType {
    REGION("yunnan_regions.csv"),
    INDUSTRY("industry_gbt4754_2017.csv"),
    REGISTRATION_TYPE("registration_types.csv"),
    REDUCTION_TYPE("reduction_types.csv"),
    REDUCTION_REASON("reduction_reasons.csv");

    private final String csv;

    CodeType(String csv) {
        this.csv = csv;
    }

    public String csv() {
        return csv;
    }
}
