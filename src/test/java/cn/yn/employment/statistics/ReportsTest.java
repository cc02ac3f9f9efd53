package cn.yn.employment.statistics;

import static cn.yn.employment.statistics.BulletinFixture.PERIOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.statistics.internal.ExcelWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class ReportsTest extends StatisticsTestBase {

    /** PDFs are also written here so they can be rendered with pdftoppm and looked at. */
    static final Path OUT = Path.of("target", "statistics-pdf");

    @Autowired
    StatisticsReports reports;
    @Autowired
    Receipts receipts;

    BulletinFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = BulletinFixture.loadOnce(this, jdbc);
        signInProvinceLeader();
    }

    @Test
    void everyReportHasChineseTitleScopePeriodPagesAndEmbeddedFonts() throws IOException {
        Files.createDirectories(OUT);
        for (ReportKind kind : ReportKind.values()) {
            byte[] pdf = reports.pdf(kind, PERIOD, NUJIANG_F);
            Files.write(OUT.resolve(kind.slug() + ".pdf"), pdf);
            String text = text(pdf);
            assertThat(text).as(kind.name()).contains("调查期：" + PERIOD, "怒江傈僳族自治州", "云南省人力资源和社会保障厅",
                    "第 1 页", "生成时间：");
            assertThat(text).as(kind.name()).containsPattern("共 \\d+ 页");
            assertThat(text).as(kind.name()).contains(switch (kind) {
                case SUMMARY_BY_CITY -> "就业失业情况汇总表（按市州）";
                case SUMMARY_BY_COUNTY -> "就业失业情况汇总表（按县市区）";
                case BY_INDUSTRY -> "分行业统计表";
                case BY_REGISTRATION_TYPE -> "分登记注册类型统计表";
                case REDUCTIONS -> "减员类型与原因分析";
                case WARNINGS -> "裁员预警名单";
                case PROGRESS -> "上报进度表";
                case TREND -> "趋势分析";
            });
            assertFontsEmbedded(pdf);
            Pdfs.assertEveryPageHasFooter(pdf, "云南省人力资源和社会保障厅");
        }
        // 24 periods and the chart take two pages: the note and the chart follow the table, every page has its footer
        byte[] trend = reports.pdf(ReportKind.TREND, PERIOD, StatisticsFilter.all());
        Files.write(OUT.resolve("trend-province.pdf"), trend);
        List<String> pages = Pdfs.pages(trend);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).contains("2089-07");
        assertThat(pages.get(1)).contains("说明：较上期增减");
        Pdfs.assertEveryPageHasFooter(trend, "云南省人力资源和社会保障厅");
        String summary = text(reports.pdf(ReportKind.SUMMARY_BY_CITY, PERIOD, NUJIANG_F));
        assertThat(summary).contains("建档期就业人数", "调查期就业人数", "变化率", "合计", "76443", "76061", "-382", "-0.50%");
        assertThat(text(reports.pdf(ReportKind.SUMMARY_BY_COUNTY, PERIOD, NUJIANG_F))).contains("泸水市", "76061");
        assertThat(text(reports.pdf(ReportKind.BY_INDUSTRY, PERIOD, NUJIANG_F))).contains("行业门类／大类", "C 制造业",
                "13 农副食品加工业");
        ReportTable industry = reports.table(ReportKind.BY_INDUSTRY, PERIOD, StatisticsFilter.all()
                .withRegistrationType(DIQING_TYPE), java.util.Locale.SIMPLIFIED_CHINESE);
        // 门类 F, then its 大类 51 indented, with the same figures (all of 迪庆's fixture is 51)
        assertThat(industry.rows()).extracting(r -> (String) r.get(0)).containsSequence("F 批发和零售业", "　51 批发业");
        assertThat(industry.rows().get(1).subList(1, 10)).isEqualTo(industry.rows().get(2).subList(1, 10));
        assertThat(text(reports.pdf(ReportKind.BY_REGISTRATION_TYPE, PERIOD, NUJIANG_F))).contains("142 集体联营企业");
        assertThat(text(reports.pdf(ReportKind.REDUCTIONS, PERIOD, NUJIANG_F)))
                .contains("经济性裁员", "订单不足", "250", "182");
        assertThat(text(reports.pdf(ReportKind.WARNINGS, PERIOD, NUJIANG_F))).contains("怒江测试二厂", "黄色", "150");
        assertThat(text(reports.pdf(ReportKind.PROGRESS, PERIOD, DIQING_F)))
                .contains("应报", "已报", "已审核", "缺报", "退回", "审核率", "迪庆藏族自治州", "50.00%", "33.33%")
                .contains("截至"); // under review and returned reports: provisional
        String trend12 = text(reports.pdf(ReportKind.TREND, PERIOD, NUJIANG_F));
        assertThat(trend12).contains("2091-05", "69950");
        // 较上期增减 on the comparable basis: E1 and E2 (−250), not the new E3's 6361 (76061 − 69950 = 6111)
        assertThat(trend12).contains("-250").doesNotContain("6111");
        // periods without data are "—", never 0
        assertThat(trend12).containsPattern("2090-07(\\s+—){7}");
        // the province pack, with the largest four excluded
        byte[] province = reports.pdf(ReportKind.SUMMARY_BY_CITY, PERIOD, StatisticsFilter.all().excludingLargest(4));
        Files.write(OUT.resolve("summary-city-province-excl4.pdf"), province);
        assertThat(text(province)).contains("云南省", "剔除就业人数最多的 4 户企业", "迪庆藏族自治州");
    }

    @Test
    void receiptOfAnAcceptedReport() throws IOException {
        byte[] pdf = receipts.receiptPdf(fixture.reportE1);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("receipt.pdf"), pdf);
        assertThat(text(pdf)).contains("企业就业失业数据上报回执", "怒江测试一厂", "49800", "经济性裁员",
                "订单不足", Receipts.receiptNumber(PERIOD, fixture.reportE1), "第 1 页");
        assertFontsEmbedded(pdf);

        signIn(Scope.enterprise(fixture.e1), Role.ENTERPRISE);
        assertThat(receipts.receiptPdf(fixture.reportE1)).isNotEmpty();
        signIn(Scope.enterprise(fixture.e1 + 1), Role.ENTERPRISE);
        assertThatThrownBy(() -> receipts.receiptPdf(fixture.reportE1)).isInstanceOf(AccessDeniedException.class);
        signIn(Scope.city(DIQING), Role.CITY_REVIEWER);
        assertThatThrownBy(() -> receipts.receiptPdf(fixture.reportE1)).isInstanceOf(AccessDeniedException.class);

        signInProvinceLeader();
        long missing = jdbc.queryForObject("select r.id from report r join enterprise e on e.id = r.enterprise_id"
                + " where e.name = '迪庆测试五号' and r.period_code = ?", Long.class, PERIOD);
        assertThatThrownBy(() -> receipts.receiptPdf(missing)).isInstanceOf(DomainException.class);
    }

    @Test
    void excelKeepsNumbersAsNumbers() throws IOException {
        byte[] xlsx = reports.excel(ReportKind.SUMMARY_BY_CITY, PERIOD, NUJIANG_F);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("就业失业情况汇总表（按市州）");
            assertThat(sheet.getRow(ExcelWriter.HEADER_ROW).getCell(3).getStringCellValue()).isEqualTo("建档期就业人数");
            Row total = sheet.getRow(ExcelWriter.HEADER_ROW + 1);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(76443d);
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(76061d);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(-382d);
            assertThat(total.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(7).getNumericCellValue()).isCloseTo(-382d / 76443d, org.assertj.core.data.Offset.offset(1e-7));
            assertThat(total.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        }
        for (ReportKind kind : ReportKind.values()) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(reports.excel(kind, PERIOD, DIQING_F)))) {
                // the trend starts with periods without data ("—"); its last row is the period itself
                Sheet sheet = wb.getSheetAt(0);
                Row first = kind == ReportKind.TREND ? sheet.getRow(ExcelWriter.HEADER_ROW + 24)
                        : sheet.getRow(ExcelWriter.HEADER_ROW + 1);
                if (first != null && first.getCell(1) != null && kind != ReportKind.WARNINGS && kind != ReportKind.REDUCTIONS) {
                    assertThat(first.getCell(1).getCellType()).as(kind.name()).isEqualTo(CellType.NUMERIC);
                }
                if (kind == ReportKind.TREND) {
                    assertThat(sheet.getRow(ExcelWriter.HEADER_ROW + 1).getCell(1).getStringCellValue()).isEqualTo("—");
                }
            }
        }
    }

    @Test
    void cityLeaderGetsOnlyItsCityAndEnterprisesGetNothing() throws IOException {
        signIn(Scope.city(NUJIANG), Role.LEADER);
        String text = text(reports.pdf(ReportKind.SUMMARY_BY_CITY, PERIOD, StatisticsFilter.all()));
        assertThat(text).contains("怒江傈僳族自治州").doesNotContain("迪庆藏族自治州");
        assertThatThrownBy(() -> reports.pdf(ReportKind.PROGRESS, PERIOD, DIQING_F))
                .isInstanceOf(AccessDeniedException.class);
        signIn(Scope.enterprise(fixture.e1), Role.ENTERPRISE);
        assertThatThrownBy(() -> reports.excel(ReportKind.SUMMARY_BY_CITY, PERIOD, StatisticsFilter.all()))
                .isInstanceOf(AccessDeniedException.class);
    }

    static String text(byte[] pdf) throws IOException {
        return Pdfs.text(pdf);
    }

    static void assertFontsEmbedded(byte[] pdf) throws IOException {
        Pdfs.assertFontsEmbedded(pdf);
    }
}
