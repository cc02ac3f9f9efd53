package cn.yn.employment.statistics.ui;

import static cn.yn.employment.statistics.BulletinFixture.PERIOD;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yn.employment.codes.Code;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.report.ui.ReportHistoryView;
import cn.yn.employment.statistics.BulletinFixture;
import cn.yn.employment.statistics.Pdfs;
import cn.yn.employment.statistics.ReportArchive;
import cn.yn.employment.statistics.ReportKind;
import cn.yn.employment.statistics.StatisticsTestBase;
import cn.yn.employment.ui.KaribuSpring;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The statistics views through Karibu (the shared {@link KaribuSpring}, navigating with the route access checks):
 * the dashboard's selectors change its tables, every report downloads as PDF and Excel, the archive lists,
 * downloads and regenerates idempotently; city reviewers are held to their city; other roles are refused.
 * Runs in the statistics tests' Spring context on the hand-computed fixture of {@link BulletinFixture}.
 */
class StatisticsViewsTest extends StatisticsTestBase {

    static final String XLSX_MAGIC = "PK";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ReportArchive archive;

    @BeforeEach
    void setUp() {
        BulletinFixture.loadOnce(this, jdbc);
        karibu();
    }

    /** A fresh mocked UI (in the default language, 简体中文) with nobody signed in. */
    private void karibu() {
        KaribuSpring.tearDown();
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    private static <T> T choose(ComboBox<T> box, java.util.function.Predicate<T> which) {
        T item = box.getListDataView().getItems().filter(which).findFirst().orElseThrow();
        _setValue(box, item);
        return item;
    }

    private static Grid<?> table(String section) {
        return _get(Grid.class, spec -> spec.withId("table-" + section));
    }

    private static String kpi(String id) {
        Div card = _get(Div.class, spec -> spec.withId("kpi-" + id));
        return _get(card, Span.class, spec -> spec.withClasses("ems-kpi-value")).getText();
    }

    @Test
    void theLeaderChangesPeriodAndFiltersAndTheTablesFollow() {
        signInProvinceLeader();
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        assertThat(view.city.isReadOnly()).isFalse();
        _setValue(view.period, PERIOD);

        // 怒江, 集体联营: the bulletin check, by county
        choose(view.city, c -> c.code().equals(NUJIANG));
        choose(view.registrationType, c -> c.code().equals(NUJIANG_TYPE));
        assertThat(view.filter().cityCode()).isEqualTo(NUJIANG);
        List<String> total = GridKt._getFormattedRow(table("regions"), 0);
        assertThat(total).containsExactly("合计", "3", "3", "76443", "76393", "76061", "-382", "-0.50%", "0.43%", "100.00%");
        assertThat(GridKt._getFormattedRow(table("regions"), 1).get(0)).isEqualTo("泸水市");
        assertThat(kpi("headcount")).isEqualTo("76061");
        assertThat(kpi("change")).isEqualTo("-0.50%");
        assertThat(kpi("mom")).isEqualTo("-0.36%");
        assertThat(GridKt._getFormattedRow(table("industry"), 1).get(0)).isEqualTo("C 制造业");

        // another city and type: the figures of 迪庆 (2 of 6 reported)
        choose(view.city, c -> c.code().equals(DIQING));
        assertThat(view.county.getValue()).isNull();
        choose(view.registrationType, c -> c.code().equals(DIQING_TYPE));
        total = GridKt._getFormattedRow(table("regions"), 0);
        assertThat(total.subList(0, 8)).containsExactly("合计", "6", "2", "1800", "1800", "1880", "80", "4.44%");
        // 应报 6, 已报 3 (E4, E9 accepted, E7 pending), 已审核 2, 缺报 3 (returned E6, missing E5, no report E8), 退回 1
        assertThat(GridKt._getFormattedRow(table("progress"), 0))
                .containsExactly("合计", "6", "3", "2", "3", "1", "50.00%", "33.33%");
        assertThat(kpi("submission")).isEqualTo("50.00%");
        assertThat(kpi("review")).isEqualTo("33.33%");
        KpiCard reported = _get(KpiCard.class, spec -> spec.withId("kpi-reported"));
        assertThat(reported.value()).isEqualTo("3");
        assertThat(reported.getTooltip().getText()).isEqualTo("已报：已提交且未被退回的报表（待市审、待省审、省已通过、已上报部）");
        // one report under review and one returned: the figures are marked as provisional
        assertThat(_get(Span.class, spec -> spec.withId("dashboard-provisional")).getText()).contains("已审核 2 / 应报 6 户");
        assertThat(GridKt._size(table("warnings"))).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(table("warnings"), 0)).contains("迪庆测试九号", "红色");

        // an earlier period: nothing accepted in 迪庆, the trend still lists 12 periods
        _setValue(view.period, BulletinFixture.PREVIOUS);
        assertThat(GridKt._getFormattedRow(table("regions"), 0).subList(0, 3)).containsExactly("合计", "6", "1");
        _setValue(view.months, 24);
        assertThat(GridKt._size(table("trend"))).isEqualTo(24);
        _setValue(view.months, 12);
        assertThat(GridKt._size(table("trend"))).isEqualTo(12);
        assertThat(GridKt._getFormattedRow(table("trend"), 11).get(0)).isEqualTo(BulletinFixture.PREVIOUS);
    }

    @Test
    void periodsWithoutDataAreGapsUnfinishedOnesAreMarkedAndEmptyChartsSaySo() throws Exception {
        signInProvinceLeader();
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        _setValue(view.period, PERIOD);
        choose(view.city, c -> c.code().equals(DIQING));
        choose(view.registrationType, c -> c.code().equals(DIQING_TYPE));

        // 2090-07 … 2091-04 have no report in 迪庆: "—", not 0; 2091-06 has one under review and one returned: marked *
        assertThat(GridKt._getFormattedRow(table("trend"), 0)).containsExactly("2090-07", "—", "—", "—", "—", "—", "—", "—");
        assertThat(GridKt._getFormattedRow(table("trend"), 10).subList(0, 4)).containsExactly("2091-05", "1", "1000", "1000");
        assertThat(GridKt._getFormattedRow(table("trend"), 11).get(0)).isEqualTo("2091-06 *");
        // 较上期增减 over the enterprises accepted in both months only (E4: 1000 → 1100), not 1880 − 1000
        assertThat(GridKt._getFormattedRow(table("trend"), 11).get(6)).isEqualTo("100");
        com.fasterxml.jackson.databind.JsonNode chart = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(_get(EChart.class, spec -> spec.withId("chart-trend")).getOption());
        com.fasterxml.jackson.databind.JsonNode bars = chart.get("series").get(0).get("data");
        assertThat(bars.get(0).isNull()).isTrue();
        assertThat(bars.get(10).asLong()).isEqualTo(1000);
        assertThat(bars.get(11).get("itemStyle").get("borderType").asText()).isEqualTo("dashed");
        assertThat(chart.get("series").get(1).get("data").get(0).isNull()).isTrue();

        // 2091-05: no layoff warning in 迪庆 — an empty state instead of an empty donut
        _setValue(view.period, BulletinFixture.PREVIOUS);
        assertThat(_get(Div.class, spec -> spec.withId("chart-warnings-empty")).getText()).isEqualTo("暂无数据");
        assertThat(_find(EChart.class, spec -> spec.withId("chart-warnings"))).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("dashboard-provisional"))).as("settled").isEmpty();
    }

    @Test
    void theLeadersHomePanelUsesTheSameDefinitions() {
        signInProvinceLeader();
        UI.getCurrent().navigate("dashboard");
        Component panel = ctx.getBean(LeaderHomePanel.class).create(new cn.yn.employment.common.security.CurrentUser(1, "tester",
                "测试", java.util.Set.of(Role.LEADER), Scope.province()));
        UI.getCurrent().add(panel);
        KpiCard submission = _get(KpiCard.class, spec -> spec.withId("kpi-home-submission"));
        assertThat(submission.getTooltip().getText()).isEqualTo("上报率 = 已报 ÷ 应报");
        assertThat(_get(KpiCard.class, spec -> spec.withId("kpi-home-review")).getTooltip().getText())
                .isEqualTo("审核率 = 已审核 ÷ 应报");
    }

    @Test
    void everyReportAndEveryTableDownloadsAsPdfAndExcelForACityReviewerOfThatCityOnly() throws IOException {
        signIn(Scope.city(NUJIANG), Role.CITY_REVIEWER);
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        assertThat(view.city.isReadOnly()).isTrue();
        assertThat(view.city.getValue().code()).isEqualTo(NUJIANG);
        assertThat(view.county.getListDataView().getItems().map(Code::code)).allMatch(c -> c.startsWith("5333"));
        _setValue(view.period, PERIOD);
        choose(view.registrationType, c -> c.code().equals(NUJIANG_TYPE));

        // by county, not by city: the reviewer never sees another city's rows
        List<String> regions = rowLabels(table("regions"));
        assertThat(regions).contains("合计", "泸水市").doesNotContain("迪庆藏族自治州", "香格里拉市", "昆明市");
        assertThat(rowLabels(table("progress"))).containsExactly("合计", "怒江傈僳族自治州");

        Div downloads = _get(Div.class, spec -> spec.withId("dashboard-downloads"));
        List<Anchor> links = _find(downloads, Anchor.class);
        assertThat(links).hasSize(ReportKind.values().length * 2);
        for (ReportKind kind : ReportKind.values()) {
            String title = view.getTranslation(kind.titleKey());
            Anchor pdfLink = link(links, kind.slug(), ".pdf");
            byte[] pdf = DownloadKt._download(pdfLink);
            String text = Pdfs.text(pdf);
            assertThat(text).as(kind.name()).contains(title, "怒江傈僳族自治州", "调查期：" + PERIOD, "第 1 页")
                    .doesNotContain("迪庆藏族自治州");
            Pdfs.assertFontsEmbedded(pdf);
            byte[] xlsx = DownloadKt._download(link(links, kind.slug(), ".xlsx"));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).as(kind.name()).startsWith(title);
            }
        }
        assertThat(Pdfs.text(DownloadKt._download(link(links, "summary-city", ".pdf")))).contains("76443", "76061", "-0.50%");

        // each dashboard table exports its own rows, numbers as numbers
        for (String section : List.of("trend", "regions", "industry", "progress", "warnings", "reductions", "registration")) {
            Component s = _get(Component.class, spec -> spec.withId("section-" + section));
            Anchor excel = _get(s, Anchor.class, spec -> spec.withText("Excel"));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(DownloadKt._download(excel)))) {
                Row first = wb.getSheetAt(0).getRow(cn.yn.employment.statistics.internal.ExcelWriter.HEADER_ROW + 1);
                assertThat(first).as(section).isNotNull();
                if (section.equals("regions")) {
                    assertThat(first.getCell(0).getStringCellValue()).isEqualTo("合计");
                    assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(76443d);
                }
            }
        }
    }

    private static Anchor link(List<Anchor> links, String slug, String extension) {
        return links.stream().filter(a -> {
            String name = a.getElement().getAttribute("download");
            return name != null && name.startsWith(slug + "-") && name.endsWith(extension);
        }).findFirst().orElseThrow(() -> new AssertionError("no link " + slug + extension));
    }

    @SuppressWarnings("unchecked")
    private static List<String> rowLabels(Grid<?> grid) {
        Grid<Object> g = (Grid<Object>) grid;
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < GridKt._size(g); i++) {
            labels.add(GridKt._getFormattedRow(g, i).get(0));
        }
        return labels;
    }

    @Test
    void theArchiveListsDownloadsAndRegeneratesIdempotentlyWithProgress() throws Exception {
        signInProvinceLeader();
        UI.getCurrent().navigate("statistics/archive");
        ArchiveView view = _get(ArchiveView.class);
        assertThat(_get(Button.class, spec -> spec.withId("archive-generate"))).isSameAs(view.generate);
        _setValue(view.period, PERIOD);

        _click(view.generate);
        assertThat(view.generate.isEnabled()).isFalse();
        assertThat(view.progress.isVisible()).isTrue();
        awaitArchive(view);
        int files = archive.expectedFiles();
        assertThat(view.status.getText()).isEqualTo("报表包已生成：" + files + " 个文件");
        assertThat(view.generate.isEnabled()).isTrue();
        assertThat(view.progress.isVisible()).isFalse();
        List<ReportArchive.ArchivedFile> listed = archived(view);
        assertThat(listed).hasSize(files);

        // download the city file of 怒江 straight from the grid
        int row = indexOf(view, f -> f.scopeCode().equals(NUJIANG) && f.kind() == ReportKind.SUMMARY_BY_CITY);
        String text = Pdfs.text(downloadCell(view, row));
        assertThat(text).contains("就业失业情况汇总表（按市州）", "怒江傈僳族自治州", "调查期：" + PERIOD);

        // a second run replaces, never adds
        _click(view.generate);
        awaitArchive(view);
        assertThat(archived(view)).hasSize(files);
        assertThat(jdbc.queryForObject("select count(*) from statistics_archive where period_code = ?", Integer.class, PERIOD))
                .isEqualTo(files);

        // a city reviewer lists only its city's files and may not generate the province pack
        karibu();
        signIn(Scope.city(NUJIANG), Role.CITY_REVIEWER);
        UI.getCurrent().navigate("statistics/archive");
        ArchiveView city = _get(ArchiveView.class);
        assertThat(_find(Button.class, spec -> spec.withId("archive-generate"))).as("generate is not shown").isEmpty();
        List<ReportArchive.ArchivedFile> mine = archived(city).stream().filter(f -> f.periodCode().equals(PERIOD)).toList();
        assertThat(mine).hasSize(ReportKind.values().length).allMatch(f -> f.scopeCode().equals(NUJIANG));
        int first = indexOf(city, f -> f.periodCode().equals(PERIOD));
        byte[] pdf = downloadCell(city, first);
        assertThat(Pdfs.text(pdf)).contains("怒江傈僳族自治州").doesNotContain("迪庆藏族自治州");
    }

    /** The download link of a grid row, rendered as the browser would get it (attached, so its handler is registered). */
    private static byte[] downloadCell(ArchiveView view, int row) {
        Anchor link = (Anchor) GridKt._getCellComponent(view.grid, row, "download");
        UI.getCurrent().add(link);
        try {
            return DownloadKt._download(link);
        } finally {
            UI.getCurrent().remove(link);
        }
    }

    private void awaitArchive(ArchiveView view) {
        // polled on the test thread: Karibu's UI lives there, and the round trip runs the worker's UI.access() updates
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).pollInSameThread().until(() -> {
            MockVaadin.clientRoundtrip();
            if (!view.generate.isEnabled() && archive.progress(PERIOD).map(pr -> !pr.finished()).orElse(false)) {
                assertThat(view.progress.isVisible()).isTrue();
            }
            return archive.progress(PERIOD).map(p -> p.finished()).orElse(false);
        });
        assertThat(archive.progress(PERIOD).orElseThrow().error()).isNull();
        MockVaadin.clientRoundtrip();
    }

    private static List<ReportArchive.ArchivedFile> archived(ArchiveView view) {
        return view.grid.getListDataView().getItems().toList();
    }

    private static int indexOf(ArchiveView view, java.util.function.Predicate<ReportArchive.ArchivedFile> which) {
        List<ReportArchive.ArchivedFile> all = archived(view);
        for (int i = 0; i < all.size(); i++) {
            if (which.test(all.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such archived file");
    }

    @Test
    void theEnterpriseDownloadsTheReceiptOfAnAcceptedReportFromItsHistory() throws IOException {
        BulletinFixture fixture = BulletinFixture.loadOnce(this, jdbc);
        signIn(Scope.enterprise(fixture.e1), Role.ENTERPRISE);
        UI.getCurrent().navigate("report/history");
        _get(ReportHistoryView.class);
        @SuppressWarnings("unchecked")
        Grid<ReportView> grid = _get(Grid.class, spec -> spec.withId("report-history"));
        List<ReportView> rows = grid.getListDataView().getItems().toList();
        int accepted = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).periodCode().equals(PERIOD)) {
                accepted = i;
            }
        }
        assertThat(accepted).isNotNegative();
        Anchor link = (Anchor) GridKt._getCellComponent(grid, accepted, "receipt");
        UI.getCurrent().add(link);
        String text = Pdfs.text(DownloadKt._download(link));
        assertThat(text).contains("企业就业失业数据上报回执", "怒江测试一厂", "49800");
    }

    @Test
    void rolesWithoutStatisticsAreRefusedTheViews() {
        Map<String, Class<?>> views = Map.of("dashboard", DashboardView.class, "statistics/archive", ArchiveView.class);
        List<Runnable> signIns = List.of(() -> signIn(Scope.enterprise(1), Role.ENTERPRISE),
                () -> signIn(Scope.province(), Role.PROCESS_ADMIN), () -> signIn(Scope.province(), Role.SYSTEM_ADMIN));
        for (Runnable who : signIns) {
            views.forEach((route, type) -> {
                karibu();
                who.run();
                Throwable refused = null;
                try {
                    UI.getCurrent().navigate(route);
                } catch (Throwable e) {
                    refused = e;
                }
                if (refused != null) {
                    assertThat(refused).as(route).hasStackTraceContaining("AccessDeniedException");
                }
                assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).as(route).noneMatch(type::isInstance);
            });
        }
    }
}
