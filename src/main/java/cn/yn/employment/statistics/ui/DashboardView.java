package cn.yn.employment.statistics.ui;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.statistics.CodeCount;
import cn.yn.employment.statistics.Comparison;
import cn.yn.employment.statistics.Figures;
import cn.yn.employment.statistics.Overview;
import cn.yn.employment.statistics.ReportKind;
import cn.yn.employment.statistics.ReportTable;
import cn.yn.employment.statistics.StatisticsFilter;
import cn.yn.employment.statistics.StatisticsReports;
import cn.yn.employment.statistics.StatisticsService;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The leadership dashboard: key figures, charts (ECharts) each with its figures in a table, and the PDF/Excel
 * reports, for a period and filter. City-scoped users are fixed to their city (the service enforces it too).
 */
@Route(value = "dashboard", layout = MainLayout.class)
@RolesAllowed({Role.LEADER_, Role.CITY_REVIEWER_, Role.PROVINCE_REVIEWER_})
public class DashboardView extends VerticalLayout implements HasViewTitle {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StatisticsService statistics;
    private final StatisticsReports reports;
    private final CodeService codes;
    private final CurrentUser user;

    final ComboBox<String> period = new ComboBox<>();
    final ComboBox<Code> city = new ComboBox<>();
    final ComboBox<Code> county = new ComboBox<>();
    final ComboBox<Code> section = new ComboBox<>();
    final ComboBox<Code> registrationType = new ComboBox<>();
    final Select<Integer> months = new Select<>();
    final Checkbox excludeLargest = new Checkbox();
    private final Div content = new Div();

    public DashboardView(StatisticsService statistics, StatisticsReports reports, CodeService codes, CurrentUserProvider users) {
        this.statistics = statistics;
        this.reports = reports;
        this.codes = codes;
        this.user = users.require();
        setId("statistics-dashboard");
        addClassName("ems-dashboard");
        setWidthFull();

        List<String> periods = statistics.periods();
        period.setLabel(getTranslation("statistics.filter.period"));
        period.setItems(periods);
        period.setId("dashboard-period");
        if (!periods.isEmpty()) {
            period.setValue(statistics.defaultPeriod().orElse(periods.get(0)));
        }
        city.setLabel(getTranslation("statistics.filter.city"));
        city.setId("dashboard-city");
        city.setItems(codes.cities());
        city.setItemLabelGenerator(Code::name);
        city.setPlaceholder(getTranslation("statistics.filter.all"));
        city.setClearButtonVisible(true);
        if (user.scope().type() == ScopeType.CITY) {
            codes.find(CodeType.REGION, user.scope().code()).ifPresent(city::setValue);
            city.setReadOnly(true);
            county.setItems(codes.counties(user.scope().code()));
        }
        county.setLabel(getTranslation("statistics.filter.county"));
        county.setItemLabelGenerator(Code::name);
        county.setPlaceholder(getTranslation("statistics.filter.all"));
        county.setClearButtonVisible(true);
        section.setLabel(getTranslation("statistics.filter.section"));
        section.setItems(codes.roots(CodeType.INDUSTRY));
        section.setItemLabelGenerator(Code::label);
        section.setPlaceholder(getTranslation("statistics.filter.all"));
        section.setClearButtonVisible(true);
        registrationType.setLabel(getTranslation("statistics.filter.registrationType"));
        registrationType.setItems(codes.current(CodeType.REGISTRATION_TYPE).stream().filter(c -> c.parentCode() != null).toList());
        registrationType.setItemLabelGenerator(Code::label);
        registrationType.setPlaceholder(getTranslation("statistics.filter.all"));
        registrationType.setClearButtonVisible(true);
        months.setLabel(getTranslation("statistics.filter.months"));
        months.setItems(12, 24);
        months.setValue(12);
        excludeLargest.setLabel(getTranslation("statistics.filter.excludeLargest"));

        city.addValueChangeListener(e -> {
            county.clear();
            county.setItems(e.getValue() == null ? List.of() : codes.counties(e.getValue().code()));
            if (e.isFromClient()) {
                refresh();
            }
        });
        for (var field : List.of(period, county, section, registrationType)) {
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    refresh();
                }
            });
        }
        months.addValueChangeListener(e -> refresh());
        excludeLargest.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(period, city, county, section, registrationType, months, excludeLargest);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        filters.addClassName("ems-dashboard-filters");
        content.setWidthFull();
        add(filters, content);
        refresh();
    }

    StatisticsFilter filter() {
        StatisticsFilter f = StatisticsFilter.all()
                .withCity(city.getValue() == null ? null : city.getValue().code())
                .withCounty(county.getValue() == null ? null : county.getValue().code())
                .withIndustrySection(section.getValue() == null ? null : section.getValue().code())
                .withRegistrationType(registrationType.getValue() == null ? null : registrationType.getValue().code());
        return excludeLargest.getValue() ? f.excludingLargest(StatisticsFilter.BULLETIN_EXCLUDED) : f;
    }

    void refresh() {
        content.removeAll();
        String p = period.getValue();
        if (p == null) {
            content.add(new Paragraph(getTranslation("statistics.noPeriod")));
            return;
        }
        StatisticsFilter f = filter();
        var locale = getLocale();
        Overview o = statistics.overview(p, f);
        if (o.provisional()) {
            content.add(FigureWidgets.provisionalBanner(o, "dashboard-provisional", this::getTranslation));
        }
        content.add(kpis(o));
        content.add(downloads(p, f));

        ReportTable trend = reports.trendTable(p, f, months.getValue() == null ? 12 : months.getValue(), locale);
        List<String> periods = new ArrayList<>();
        List<Long> headcounts = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        java.util.Set<Integer> provisional = new java.util.HashSet<>();
        for (List<Object> r : trend.rows()) {
            String label = (String) r.get(0);
            if (label.endsWith(StatisticsReports.PROVISIONAL_MARK)) {
                provisional.add(periods.size());
            }
            periods.add(label);
            headcounts.add(r.get(3) instanceof Long l ? l : null);
            rates.add(rate(r.get(5)));
        }
        content.add(section("trend", "statistics.section.trend", ChartOptions.empty(headcounts) ? null
                : ChartOptions.trend(periods, getTranslation("statistics.chart.headcount"), headcounts,
                        getTranslation("statistics.chart.changeRate"), rates, provisional), "320px", trend.withChart(null)));

        boolean byCounty = f.cityCode() != null;
        ReportTable regions = reports.table(byCounty ? ReportKind.SUMMARY_BY_COUNTY : ReportKind.SUMMARY_BY_CITY, p, f, locale);
        addGroupSection("regions", byCounty ? "statistics.section.county" : "statistics.section.city", regions, 5, 7);

        ReportTable industry = reports.table(ReportKind.BY_INDUSTRY, p, f, locale);
        addGroupSection("industry", "statistics.section.industry", industry, 4, 6);

        ReportTable progress = reports.table(ReportKind.PROGRESS, p, f, locale);
        List<String> cities = new ArrayList<>();
        List<BigDecimal> submission = new ArrayList<>();
        List<BigDecimal> review = new ArrayList<>();
        for (List<Object> r : progress.rows().subList(Math.min(1, progress.rows().size()), progress.rows().size())) {
            cities.add((String) r.get(0));
            submission.add(rate(r.get(6)));
            review.add(rate(r.get(7)));
        }
        java.util.Map<String, List<BigDecimal>> progressSeries = new java.util.LinkedHashMap<>();
        progressSeries.put(getTranslation("statistics.chart.submissionRate"), submission);
        progressSeries.put(getTranslation("statistics.chart.reviewRate"), review);
        content.add(section("progress", "statistics.section.progress", ChartOptions.empty(submission) ? null
                : ChartOptions.percentBars(cities, progressSeries), ChartOptions.heightFor(cities.size()), progress));

        ReportTable warnings = reports.table(ReportKind.WARNINGS, p, f, locale);
        List<String> levels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (CodeCount c : o.warningLevels()) {
            levels.add(reports.levelName(c.code(), locale));
            counts.add(c.enterprises());
        }
        content.add(section("warnings", "statistics.section.warnings", counts.isEmpty() ? null
                : ChartOptions.pie(getTranslation("statistics.chart.warnings"), levels, counts), "320px", warnings));

        ReportTable reductions = reports.table(ReportKind.REDUCTIONS, p, f, locale);
        content.add(section("reductions", "statistics.section.reductions", null, null, reductions));
        ReportTable types = reports.table(ReportKind.BY_REGISTRATION_TYPE, p, f, locale);
        content.add(section("registration", "statistics.section.registrationType", null, null, types));
    }

    /** A grouped table (regions, industries) with its chart: one row per group, skipping the total and the 大类 rows. */
    private void addGroupSection(String id, String titleKey, ReportTable t, int headcountColumn, int rateColumn) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        for (List<Object> r : t.rows().subList(Math.min(1, t.rows().size()), t.rows().size())) {
            if (((String) r.get(0)).startsWith(StatisticsReports.DIVISION_INDENT)) {
                continue; // 大类 rows of 分行业: the chart compares the 门类
            }
            labels.add((String) r.get(0));
            // a group without accepted reports has no headcount: a gap, not a bar of 0
            boolean none = r.get(2) instanceof Long accepted && accepted == 0;
            values.add(none ? null : (Long) r.get(headcountColumn));
            rates.add(none ? null : rate(r.get(rateColumn)));
        }
        String option = ChartOptions.empty(values) ? null : ChartOptions.groupBars(labels,
                getTranslation("statistics.chart.headcount"), values, getTranslation("statistics.chart.changeRate"), rates);
        content.add(section(id, titleKey, option, ChartOptions.heightFor(labels.size()), t));
    }

    private static BigDecimal rate(Object cell) {
        return cell instanceof ReportTable.Percent pc ? Figures.percent(pc.fraction()) : null;
    }

    private Component kpis(Overview o) {
        Figures f = o.figures();
        String na = getTranslation("statistics.kpi.na");
        Div cards = new Div();
        cards.addClassName("ems-kpis");
        cards.setId("dashboard-kpis");
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        cards.add(kpi("monitored", "statistics.kpi.monitored", Long.toString(f.monitored()), null));
        cards.add(FigureWidgets.defined("due", "reporting.due", Long.toString(f.due()), null, this::getTranslation));
        cards.add(FigureWidgets.defined("reported", "reporting.reported", Long.toString(f.reported()), null, this::getTranslation));
        cards.add(FigureWidgets.defined("accepted", "reporting.accepted", Long.toString(f.accepted()), null, this::getTranslation));
        cards.add(FigureWidgets.defined("missing", "reporting.missing", Long.toString(f.missing()),
                getTranslation("statistics.kpi.detail.returned", f.returned()), this::getTranslation));
        cards.add(FigureWidgets.defined("submission", "reporting.submissionRate", FigureWidgets.pctText(f.submissionRate(), na),
                getTranslation("statistics.kpi.detail.submission", f.reported(), f.due()), this::getTranslation));
        cards.add(FigureWidgets.defined("review", "reporting.reviewRate", FigureWidgets.pctText(f.reviewRate(), na),
                getTranslation("statistics.kpi.detail.review", f.accepted(), f.due()), this::getTranslation));
        boolean headcounts = !f.noHeadcounts();
        cards.add(kpi("headcount", "statistics.kpi.headcount", headcounts ? Long.toString(f.headcount()) : na, null));
        cards.add(kpi("change", "statistics.kpi.change", FigureWidgets.pctText(f.changeRate(), na), headcounts
                ? getTranslation("statistics.kpi.detail.change", Long.toString(f.change()), Long.toString(f.baselineHeadcount()))
                : null));
        cards.add(kpi("mom", "statistics.kpi.mom", FigureWidgets.pctText(o.monthOnMonth().rate(), na), compare(o.monthOnMonth())));
        cards.add(kpi("yoy", "statistics.kpi.yoy", FigureWidgets.pctText(o.yearOnYear().rate(), na), compare(o.yearOnYear())));
        cards.add(kpi("jobloss", "statistics.kpi.jobLoss", FigureWidgets.pctText(f.jobLossRate(), na), null));
        cards.add(kpi("warnings", "statistics.kpi.warnings", Long.toString(o.warnings()),
                getTranslation("statistics.kpi.detail.warnings", Long.toString(o.warningLevels().stream().mapToLong(CodeCount::persons).sum()))));
        return cards;
    }

    private String compare(Comparison c) {
        return getTranslation("statistics.kpi.detail.compare", c.enterprises(), Long.toString(c.change()));
    }

    private Component kpi(String id, String label, String value, String detail) {
        return FigureWidgets.kpi(id, label, value, detail, this::getTranslation);
    }

    private Component downloads(String p, StatisticsFilter f) {
        Div box = new Div();
        box.setId("dashboard-downloads");
        box.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s) var(--lumo-space-l)")
                .set("margin", "var(--lumo-space-m) 0");
        Span title = new Span(getTranslation("statistics.action.reports") + "：");
        title.getStyle().set("font-weight", "600");
        box.add(title);
        for (ReportKind kind : ReportKind.values()) {
            Span item = new Span(getTranslation(kind.titleKey()) + " ");
            item.add(FigureWidgets.download(getTranslation("statistics.action.pdf"), reports.fileName(kind, p, f, "pdf"), "application/pdf",
                    () -> reports.pdf(kind, p, f)));
            item.add(new Span(" / "));
            item.add(FigureWidgets.download(getTranslation("statistics.action.excel"), reports.fileName(kind, p, f, "xlsx"), XLSX,
                    () -> reports.excel(kind, p, f)));
            box.add(item);
        }
        return box;
    }

    /**
     * A section: title with its Excel link, the chart (or the empty state when there is nothing to draw; no chart at all when
     * {@code chartHeight} is null) above the table, both full width so every column fits.
     */
    private Component section(String id, String titleKey, String chartOption, String chartHeight, ReportTable table) {
        VerticalLayout s = new VerticalLayout();
        s.setId("section-" + id);
        s.setPadding(false);
        s.addClassName("ems-dashboard-section");
        HorizontalLayout head = new HorizontalLayout(new H3(getTranslation(titleKey)),
                FigureWidgets.download(getTranslation("statistics.action.excel"), id + "-" + table.periodCode() + ".xlsx", XLSX,
                        () -> reports.excel(table)));
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        s.add(head);
        if (chartHeight != null && chartOption != null) {
            EChart chart = new EChart();
            chart.setId("chart-" + id);
            chart.setHeight(chartHeight);
            chart.setOption(chartOption);
            s.add(chart);
        } else if (chartHeight != null) {
            Div none = new Div(getTranslation("reporting.empty"));
            none.setId("chart-" + id + "-empty");
            none.addClassName("ems-chart-empty");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("padding", "var(--lumo-space-l)")
                    .set("border", "1px dashed var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("text-align", "center").set("width", "100%").set("box-sizing", "border-box");
            s.add(none);
        }
        Grid<List<Object>> grid = grid(table);
        grid.setId("table-" + id);
        grid.setWidthFull();
        s.add(grid);
        return s;
    }

    private Grid<List<Object>> grid(ReportTable t) {
        return FigureWidgets.grid(t, getTranslation("reporting.empty"));
    }

    @Override
    public String viewTitle() {
        return getTranslation("statistics.dashboard.title");
    }
}
