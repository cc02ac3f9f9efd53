package cn.yn.employment.statistics;

import static cn.yn.employment.statistics.BulletinFixture.PERIOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.statistics.internal.ExcelWriter;
import java.io.ByteArrayInputStream;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The statistics reports and the receipt over the REST API: files, scope, roles and errors. */
class StatisticsApiTest extends StatisticsTestBase {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    BulletinFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = BulletinFixture.loadOnce(this, jdbc);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static RequestPostProcessor as(Scope scope, Role role) {
        // ApiCaller: the security context of the request, whichever holder strategy the cached contexts installed
        return cn.yn.employment.testsupport.ApiCaller.as(new CurrentUser(1, "api-tester", "接口测试", Set.of(role), scope));
    }

    @Test
    void aLeaderDownloadsAReportAsPdfAndExcel() throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/statistics/{p}/reports/summary-city", PERIOD)
                        .param("city", NUJIANG).param("registrationType", NUJIANG_TYPE).with(as(Scope.province(), Role.LEADER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("summary-city-2091-06-533300.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Pdfs.text(pdf)).contains("就业失业情况汇总表（按市州）", "怒江傈僳族自治州", "76443", "76061", "-0.50%");
        Pdfs.assertFontsEmbedded(pdf);

        byte[] xlsx = mvc.perform(get("/api/v1/statistics/{p}/reports/industry", PERIOD).param("format", "xlsx")
                        .param("city", DIQING).param("registrationType", DIQING_TYPE).with(as(Scope.province(), Role.LEADER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row total = wb.getSheetAt(0).getRow(ExcelWriter.HEADER_ROW + 1);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(1880d);
        }
    }

    @Test
    void aCityReviewerGetsItsCityOnlyAndOthersAreRefused() throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/statistics/{p}/reports/progress", PERIOD).with(as(Scope.city(DIQING), Role.CITY_REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Pdfs.text(pdf)).contains("上报进度表", "迪庆藏族自治州").doesNotContain("怒江傈僳族自治州");
        mvc.perform(get("/api/v1/statistics/{p}/reports/progress", PERIOD).param("city", NUJIANG)
                        .with(as(Scope.city(DIQING), Role.CITY_REVIEWER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/{p}/reports/progress", PERIOD).with(as(Scope.enterprise(fixture.e1), Role.ENTERPRISE)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/{p}/reports/progress", PERIOD).with(as(Scope.province(), Role.PROCESS_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/{p}/reports/progress", PERIOD)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/statistics/{p}/reports/nonsense", PERIOD).with(as(Scope.province(), Role.LEADER)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/statistics/2091-13/reports/progress").with(as(Scope.province(), Role.LEADER)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/statistics/{p}/reports/progress", PERIOD).param("format", "doc").with(as(Scope.province(), Role.LEADER)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theEnterpriseDownloadsTheReceiptOfItsAcceptedReport() throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/reports/{p}/receipt", PERIOD).with(as(Scope.enterprise(fixture.e1), Role.ENTERPRISE)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Pdfs.text(pdf)).contains("企业就业失业数据上报回执", "怒江测试一厂", Receipts.receiptNumber(PERIOD, fixture.reportE1));
        long e5 = jdbc.queryForObject("select id from enterprise where name = '迪庆测试五号'", Long.class);
        mvc.perform(get("/api/v1/reports/{p}/receipt", PERIOD).with(as(Scope.enterprise(e5), Role.ENTERPRISE)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        // no report at all for the period: 404 with the error body (docs/api.md)
        mvc.perform(get("/api/v1/reports/{p}/receipt", "2091-01").with(as(Scope.enterprise(fixture.e1), Role.ENTERPRISE)))
                .andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code").value("notFound"));
    }
}
