package cn.yn.employment.statistics;

/** The statistics reports, each a PDF (JasperReports) and an Excel workbook. */
public enum ReportKind {
    SUMMARY_BY_CITY("summary-city"),
    SUMMARY_BY_COUNTY("summary-county"),
    BY_INDUSTRY("industry"),
    BY_REGISTRATION_TYPE("registration-type"),
    REDUCTIONS("reductions"),
    WARNINGS("warnings"),
    PROGRESS("progress"),
    TREND("trend");

    private final String slug;

    ReportKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The kind with this slug, if there is one. */
    public static java.util.Optional<ReportKind> find(String slug) {
        for (ReportKind k : values()) {
            if (k.slug.equals(slug)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    /** Every slug, in order: {@code summary-city, summary-county, …}. */
    public static String slugs() {
        return String.join(", ", java.util.Arrays.stream(values()).map(ReportKind::slug).toList());
    }

    /** The kind with this slug ({@code summary-city}, …); unknown slugs are refused. */
    public static ReportKind ofSlug(String slug) {
        for (ReportKind k : values()) {
            if (k.slug.equals(slug)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown report: " + slug);
    }

    /** i18n key of the title, e.g. {@code statistics.report.SUMMARY_BY_CITY}. */
    public String titleKey() {
        return "statistics.report." + name();
    }
}
