package cn.yn.employment.statistics;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.reporting.ReportingCounts;
import cn.yn.employment.statistics.ReportTable.Percent;
import cn.yn.employment.statistics.internal.ChartRenderer;
import cn.yn.employment.statistics.internal.ExcelWriter;
import cn.yn.employment.statistics.internal.GenerationMetrics;
import cn.yn.employment.statistics.internal.JasperRenderer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The statistics reports: each {@link ReportKind} as a table (dashboard grids), a PDF (JasperReports, Chinese
 * font embedded) and an Excel workbook. Figures come from {@link StatisticsService}, which checks role and
 * scope.
 */
@Service
public class StatisticsReports {

    /** Prefix of a 大类 row under its 门类 in 分行业统计表 (a full-width space). */
    public static final String DIVISION_INDENT = "　";

    /** A cell without data: a period with no report, or no accepted report to sum headcounts over. */
    public static final String NO_DATA = "—";
    /** Appended to the period of a trend row whose figures can still change. */
    public static final String PROVISIONAL_MARK = " *";

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StatisticsService statistics;
    private final CodeService codes;
    private final Translations i18n;
    private final JasperRenderer jasper;
    private final ExcelWriter excel;
    private final ChartRenderer charts;
    private final Clock clock;
    private final String issuingUnit;
    private final GenerationMetrics metrics;

    StatisticsReports(StatisticsService statistics, CodeService codes, Translations i18n, JasperRenderer jasper,
                      ExcelWriter excel, ChartRenderer charts, Clock clock,
                      @Value("${app.issuing-unit:云南省人力资源和社会保障厅}") String issuingUnit, GenerationMetrics metrics) {
        this.statistics = statistics;
        this.codes = codes;
        this.i18n = i18n;
        this.jasper = jasper;
        this.excel = excel;
        this.charts = charts;
        this.clock = clock;
        this.issuingUnit = issuingUnit;
        this.metrics = metrics;
    }

    public byte[] pdf(ReportKind kind, String period, StatisticsFilter filter) {
        return metrics.timed(kind.slug(), "pdf",
                () -> jasper.table(table(kind, period, filter, Translations.CHINESE), generatedAt(), issuingUnit));
    }

    public byte[] excel(ReportKind kind, String period, StatisticsFilter filter) {
        return metrics.timed(kind.slug(), "xlsx",
                () -> excel.write(table(kind, period, filter, Translations.CHINESE), generatedAt(), issuingUnit));
    }

    /** Any table already built (a dashboard grid) as a workbook. */
    public byte[] excel(ReportTable table) {
        return metrics.timed("grid", "xlsx", () -> excel.write(table, generatedAt(), issuingUnit));
    }

    public String fileName(ReportKind kind, String period, StatisticsFilter filter, String extension) {
        String scope = filter.cityCode() == null ? "530000" : filter.cityCode();
        return kind.slug() + "-" + period + "-" + scope + (filter.excludeLargest() > 0 ? "-excl" + filter.excludeLargest() : "")
                + "." + extension;
    }

    public String issuingUnit() {
        return issuingUnit;
    }

    String generatedAt() {
        return ZonedDateTime.now(clock).format(STAMP);
    }

    /** The table of a report, in the given language. */
    public ReportTable table(ReportKind kind, String period, StatisticsFilter filter, Locale locale) {
        StatisticsFilter f = statistics.scoped(filter);
        String title = t(locale, kind.titleKey());
        String scope = scopeLabel(f, locale);
        return switch (kind) {
            case SUMMARY_BY_CITY -> summary(title, period, scope, f, Dimension.CITY, locale);
            case SUMMARY_BY_COUNTY -> summary(title, period, scope, f, Dimension.COUNTY, locale);
            case BY_INDUSTRY -> grouped(title, period, scope, f, Dimension.INDUSTRY_SECTION, locale);
            case BY_REGISTRATION_TYPE -> grouped(title, period, scope, f, Dimension.REGISTRATION_TYPE, locale);
            case REDUCTIONS -> reductions(title, period, scope, f, locale);
            case WARNINGS -> warnings(title, period, scope, f, locale);
            case PROGRESS -> progress(title, period, scope, f, locale);
            case TREND -> trend(title, period, scope, f, 24, locale);
        };
    }

    /** The trend over {@code months} periods (12 or 24) with its chart. */
    public ReportTable trendTable(String period, StatisticsFilter filter, int months, Locale locale) {
        StatisticsFilter f = statistics.scoped(filter);
        return trend(t(locale, ReportKind.TREND.titleKey()), period, scopeLabel(f, locale), f, months, locale);
    }

    // --- tables ----------------------------------------------------------------------------------------------

    private ReportTable summary(String title, String period, String scope, StatisticsFilter f, Dimension d, Locale l) {
        List<String> headers = List.of(t(l, d == Dimension.CITY ? "statistics.col.city" : "statistics.col.county"),
                t(l, "statistics.col.monitored"), t(l, "statistics.col.accepted"), t(l, "statistics.col.baseline"),
                t(l, "statistics.col.previous"), t(l, "statistics.col.headcount"), t(l, "statistics.col.change"),
                t(l, "statistics.col.changeRate"), t(l, "statistics.col.jobLossRate"), t(l, "statistics.col.submissionRate"));
        List<List<Object>> rows = new ArrayList<>();
        List<Figures> groups = statistics.breakdown(period, f, d);
        Figures total = total(groups);
        rows.add(summaryRow(t(l, "statistics.total"), total));
        for (Figures g : sorted(groups, d)) {
            rows.add(summaryRow(name(d, g.key()), g));
        }
        return new ReportTable(title, period, scope, headers, rows,
                provisionalNote(period, total, l) + t(l, "statistics.note.summary"), null);
    }

    private static List<Object> summaryRow(String label, Figures g) {
        return row(label, g.monitored(), g.accepted(), g.baselineHeadcount(), g.previousHeadcount(), g.headcount(),
                g.change(), Percent.of(g.changeRate()), Percent.of(g.jobLossRate()), Percent.of(g.submissionRate()));
    }

    private ReportTable grouped(String title, String period, String scope, StatisticsFilter f, Dimension d, Locale l) {
        List<String> headers = List.of(t(l, d == Dimension.INDUSTRY_SECTION ? "statistics.col.industry" : "statistics.col.registrationType"),
                t(l, "statistics.col.monitored"), t(l, "statistics.col.accepted"), t(l, "statistics.col.baseline"),
                t(l, "statistics.col.headcount"), t(l, "statistics.col.change"), t(l, "statistics.col.changeRate"),
                t(l, "statistics.col.rose"), t(l, "statistics.col.fell"), t(l, "statistics.col.jobLossRate"));
        List<List<Object>> rows = new ArrayList<>();
        List<Figures> groups = statistics.breakdown(period, f, d);
        Figures total = total(groups);
        rows.add(groupedRow(t(l, "statistics.total"), total));
        String provisional = provisionalNote(period, total, l);
        if (d != Dimension.INDUSTRY_SECTION) {
            for (Figures g : sorted(groups, d)) {
                rows.add(groupedRow(name(d, g.key()), g));
            }
            return new ReportTable(title, period, scope, headers, rows, provisional + t(l, "statistics.note.grouped"), null);
        }
        // 门类 rows, each followed by its 大类 rows (indented)
        Map<String, List<Figures>> divisions = new LinkedHashMap<>();
        for (Figures g : sorted(statistics.breakdown(period, f, Dimension.INDUSTRY_DIVISION), Dimension.INDUSTRY_DIVISION)) {
            String section = g.key() == null ? null : codes.sectionOf(g.key()).orElse(null);
            divisions.computeIfAbsent(section == null ? "" : section, k -> new ArrayList<>()).add(g);
        }
        for (Figures g : sorted(groups, d)) {
            rows.add(groupedRow(name(d, g.key()), g));
            if (g.key() != null) {
                for (Figures division : divisions.getOrDefault(g.key(), List.of())) {
                    rows.add(groupedRow(DIVISION_INDENT + name(Dimension.INDUSTRY_DIVISION, division.key()), division));
                }
            }
        }
        return new ReportTable(title, period, scope, headers, rows, provisional + t(l, "statistics.note.industry"), null);
    }

    private static List<Object> groupedRow(String label, Figures g) {
        return row(label, g.monitored(), g.accepted(), g.baselineHeadcount(), g.headcount(), g.change(),
                Percent.of(g.changeRate()), g.rose(), g.fell(), Percent.of(g.jobLossRate()));
    }

    private ReportTable reductions(String title, String period, String scope, StatisticsFilter f, Locale l) {
        List<String> headers = List.of(t(l, "statistics.col.item"), t(l, "statistics.col.enterprises"),
                t(l, "statistics.col.persons"), t(l, "statistics.col.share"));
        List<List<Object>> rows = new ArrayList<>();
        List<CodeCount> types = statistics.reductionTypes(period, f);
        long typePersons = types.stream().mapToLong(CodeCount::persons).sum();
        rows.add(row(t(l, "statistics.reductions.types"), types.stream().mapToLong(CodeCount::enterprises).sum(), typePersons,
                null));
        for (CodeCount c : types) {
            rows.add(row("　" + c.name(), c.enterprises(), c.persons(), Percent.of(Figures.ratio(c.persons(), typePersons))));
        }
        List<CodeCount> reasons = statistics.reductionReasons(period, f);
        rows.add(row(t(l, "statistics.reductions.reasons"), null, null, null));
        for (CodeCount c : reasons) {
            rows.add(row("　" + c.name(), c.enterprises(), c.persons(), Percent.of(Figures.ratio(c.persons(), typePersons))));
        }
        return new ReportTable(title, period, scope, headers, rows,
                provisionalNote(period, statistics.figures(period, f), l) + t(l, "statistics.note.reductions"), null);
    }

    private ReportTable warnings(String title, String period, String scope, StatisticsFilter f, Locale l) {
        List<String> headers = List.of(t(l, "statistics.col.enterprise"), t(l, "statistics.col.city"), t(l, "statistics.col.county"),
                t(l, "statistics.col.level"), t(l, "statistics.col.previous"), t(l, "statistics.col.headcount"),
                t(l, "statistics.col.decrease"), t(l, "statistics.col.decreaseRate"));
        List<List<Object>> rows = new ArrayList<>();
        for (WarningRow w : statistics.warnings(period, f, 2000)) {
            rows.add(row(w.enterpriseName(), codes.nameOf(CodeType.REGION, w.cityCode()), codes.nameOf(CodeType.REGION, w.countyCode()),
                    levelName(w.level(), l), w.previousHeadcount(), w.headcount(), w.decrease(), Percent.of(w.decreaseRate())));
        }
        return new ReportTable(title, period, scope, headers, rows,
                provisionalNote(period, statistics.figures(period, f), l) + t(l, "statistics.note.warnings", rows.size()), null);
    }

    public String levelName(String level, Locale l) {
        String key = "statistics.warning.level." + level;
        return i18n.getTranslation(key, l).startsWith("!") ? level : i18n.getTranslation(key, l);
    }

    private ReportTable progress(String title, String period, String scope, StatisticsFilter f, Locale l) {
        List<String> headers = List.of(t(l, "statistics.col.city"), t(l, "reporting.due"), t(l, "reporting.reported"),
                t(l, "reporting.accepted"), t(l, "reporting.missing"), t(l, "reporting.returned"),
                t(l, "reporting.submissionRate"), t(l, "reporting.reviewRate"));
        List<List<Object>> rows = new ArrayList<>();
        List<Figures> groups = statistics.breakdown(period, f, Dimension.CITY);
        Figures total = total(groups);
        rows.add(progressRow(t(l, "statistics.total"), total.counts()));
        for (Figures g : sorted(groups, Dimension.CITY)) {
            rows.add(progressRow(name(Dimension.CITY, g.key()), g.counts()));
        }
        return new ReportTable(title, period, scope, headers, rows,
                provisionalNote(period, total, l) + t(l, "statistics.note.progress"), null);
    }

    private static List<Object> progressRow(String label, ReportingCounts c) {
        return row(label, c.due(), c.reported(), c.accepted(), c.missing(), c.returned(), Percent.of(c.submissionRate()),
                Percent.of(c.reviewRate()));
    }

    private ReportTable trend(String title, String period, String scope, StatisticsFilter f, int months, Locale l) {
        List<String> headers = List.of(t(l, "statistics.col.period"), t(l, "statistics.col.accepted"),
                t(l, "statistics.col.baseline"), t(l, "statistics.col.headcount"), t(l, "statistics.col.change"),
                t(l, "statistics.col.changeRate"), t(l, "statistics.col.sincePrevious"), t(l, "statistics.col.jobLossRate"));
        List<Figures> points = statistics.trend(period, months, f);
        List<Comparison> sincePrevious = statistics.trendComparisons(period, months, f);
        Set<String> open = statistics.openPeriods(points.stream().map(Figures::key).toList());
        List<List<Object>> rows = new ArrayList<>();
        Set<String> provisional = new java.util.HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            Figures p = points.get(i);
            boolean marked = p.counts().provisional(open.contains(p.key()));
            if (marked) {
                provisional.add(p.key());
            }
            String label = p.key() + (marked ? PROVISIONAL_MARK : "");
            if (p.noHeadcounts()) {
                rows.add(row(label, p.due() == 0 ? NO_DATA : p.accepted(), NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA));
                continue;
            }
            Comparison c = sincePrevious.get(i);
            rows.add(row(label, p.accepted(), p.baselineHeadcount(), p.headcount(), p.change(), Percent.of(p.changeRate()),
                    c.enterprises() == 0 ? NO_DATA : c.change(), Percent.of(p.jobLossRate())));
        }
        byte[] png = charts.trend(points, provisional, t(l, "statistics.col.headcount"), t(l, "statistics.col.changeRate"),
                t(l, "reporting.noData"));
        String note = (provisional.isEmpty() ? "" : t(l, "statistics.note.provisionalMark", PROVISIONAL_MARK.trim()))
                + t(l, "statistics.note.trend");
        return new ReportTable(title + "（" + t(l, "statistics.trend.months", months) + "）", period, scope, headers, rows,
                note, png);
    }

    /**
     * "截至 …，已审核 a / 应报 b 户；本期尚未完成…" before a table's note while its period's figures can still change,
     * else nothing.
     */
    String provisionalNote(String period, Figures total, Locale l) {
        if (!total.counts().provisional(statistics.periodOpen(period))) {
            return "";
        }
        return t(l, "reporting.provisional", statistics.today().toString(), total.accepted(), total.due()) + "。";
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /**
     * The scope's total as the sum of a breakdown's groups: every figure is a count or a sum over the same rows
     * (groups partition the reports and the enterprises; a missing code is a group of its own), so this equals
     * {@code StatisticsService.figures} without scanning the period a second time.
     */
    static Figures total(List<Figures> groups) {
        ReportingCounts counts = ReportingCounts.NONE;
        long[] v = new long[10];
        for (Figures g : groups) {
            counts = counts.plus(g.counts());
            long[] x = {g.monitored(), g.baselineHeadcount(), g.headcount(), g.previousHeadcount(), g.rose(), g.roseBy(),
                    g.fell(), g.fellBy(), g.unchanged(), g.lost()};
            for (int i = 0; i < v.length; i++) {
                v[i] += x[i];
            }
        }
        return new Figures(null, v[0], counts, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    private List<Figures> sorted(List<Figures> groups, Dimension d) {
        CodeType type = codeType(d);
        List<String> order = codes.allVersions(type).stream().map(c -> c.code()).distinct().toList();
        return groups.stream().sorted(Comparator.comparingInt((Figures g) -> {
            int i = g.key() == null ? -1 : order.indexOf(g.key());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(g -> g.key() == null ? "" : g.key())).toList();
    }

    private static CodeType codeType(Dimension d) {
        return switch (d) {
            case CITY, COUNTY -> CodeType.REGION;
            case INDUSTRY_SECTION, INDUSTRY_DIVISION -> CodeType.INDUSTRY;
            case REGISTRATION_TYPE -> CodeType.REGISTRATION_TYPE;
        };
    }

    /** "昆明市" for a city code, "C 制造业" for an industry, "(未填)" for none. */
    public String name(Dimension d, String code) {
        if (code == null) {
            return i18n.chinese("statistics.unknown");
        }
        String name = codes.nameOf(codeType(d), code);
        return d == Dimension.CITY || d == Dimension.COUNTY ? name : code + " " + name;
    }

    public String scopeLabel(StatisticsFilter f, Locale l) {
        StringBuilder s = new StringBuilder(f.cityCode() == null ? codes.nameOf(CodeType.REGION, CodeService.PROVINCE)
                : codes.nameOf(CodeType.REGION, f.cityCode()));
        if (f.countyCode() != null) {
            s.append(' ').append(codes.nameOf(CodeType.REGION, f.countyCode()));
        }
        if (f.industrySection() != null) {
            s.append("；").append(name(Dimension.INDUSTRY_SECTION, f.industrySection()));
        }
        if (f.industryDivision() != null) {
            s.append("；").append(name(Dimension.INDUSTRY_DIVISION, f.industryDivision()));
        }
        if (f.registrationType() != null) {
            s.append("；").append(name(Dimension.REGISTRATION_TYPE, f.registrationType()));
        }
        if (f.excludeLargest() > 0) {
            s.append(t(l, "statistics.excludingLargest", f.excludeLargest()));
        }
        return s.toString();
    }

    private String t(Locale l, String key, Object... args) {
        return i18n.getTranslation(key, l, args);
    }

    private static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(c instanceof Integer i ? Long.valueOf(i) : c);
        }
        return r;
    }
}
