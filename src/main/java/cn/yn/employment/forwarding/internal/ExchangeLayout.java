package cn.yn.employment.forwarding.internal;

import cn.yn.employment.report.AcceptedReports.AcceptedReport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The national exchange layout (version 1, docs/forwarding.md): the columns of {@code records.csv} and the elements
 * of {@code records.xml}, in this order. One record per accepted report; {@code change} says whether it is new to
 * the ministry or replaces a record sent before (a 更正).
 */
public final class ExchangeLayout {

    public static final String FORMAT = "YN-EMS-FORWARDING/1";
    public static final String XML_NAMESPACE = "urn:cn:yn:employment:forwarding:1";
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** A record to forward: the report and whether the ministry has an earlier version of it. */
    public record Row(AcceptedReport report, ChangeKind change) {
    }

    public enum ChangeKind {
        NEW, CORRECTED
    }

    public record Column(String name, Function<Row, Object> value) {
    }

    public static final List<Column> RECORD_COLUMNS = List.of(
            new Column("period", r -> r.report().periodCode()),
            new Column("change", r -> r.change().name()),
            new Column("uscc", r -> r.report().uscc()),
            new Column("enterprise_name", r -> r.report().enterpriseName()),
            new Column("city_code", r -> r.report().cityCode()),
            new Column("county_code", r -> r.report().countyCode()),
            new Column("industry_section", r -> r.report().industrySection()),
            new Column("industry_division", r -> r.report().industryDivision()),
            new Column("registration_type", r -> r.report().registrationType()),
            new Column("baseline_headcount", r -> r.report().baselineHeadcount()),
            new Column("previous_headcount", r -> r.report().previousHeadcount()),
            new Column("headcount", r -> r.report().headcount()),
            new Column("hired", r -> r.report().hired()),
            new Column("separated", r -> r.report().separated()),
            new Column("dispatched", r -> r.report().dispatched()),
            new Column("reduction_type", r -> r.report().reductionType()),
            new Column("reduction_type_label", r -> r.report().reductionTypeLabel()),
            new Column("reason1_code", r -> r.report().reason1Code()),
            new Column("reason1_label", r -> r.report().reason1Label()),
            new Column("reason1_note", r -> r.report().reason1Note()),
            new Column("reason2_code", r -> r.report().reason2Code()),
            new Column("reason2_label", r -> r.report().reason2Label()),
            new Column("reason2_note", r -> r.report().reason2Note()),
            new Column("reason3_code", r -> r.report().reason3Code()),
            new Column("reason3_label", r -> r.report().reason3Label()),
            new Column("reason3_note", r -> r.report().reason3Note()),
            new Column("other_note", r -> r.report().otherNote()),
            new Column("layoff_warning_level", r -> r.report().layoffWarningLevel()),
            new Column("version_no", r -> r.report().versionNo()),
            new Column("submitted_at", r -> timestamp(r.report().submittedAt())),
            new Column("accepted_at", r -> timestamp(r.report().acceptedAt())));

    /** Columns of {@code summary.csv}: one row per city with accepted reports, then the province total (530000). */
    public static final List<String> SUMMARY_COLUMNS = List.of("period", "city_code", "records", "baseline_total",
            "previous_total", "headcount_total", "change", "hired_total", "separated_total", "dispatched_total");

    private ExchangeLayout() {
    }

    static String timestamp(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, cn.yn.employment.common.time.TimeConfig.ZONE).format(TIMESTAMP);
    }
}
