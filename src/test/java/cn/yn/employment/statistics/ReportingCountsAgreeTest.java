package cn.yn.employment.statistics;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.codes.Code;
import cn.yn.employment.common.reporting.ReportingCounts;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.period.ProgressRow;
import cn.yn.employment.period.ui.ProgressView;
import cn.yn.employment.statistics.ui.DashboardView;
import cn.yn.employment.ui.KaribuSpring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * One definition of 应报 / 已报 / 已审核 / 缺报 / 退回 everywhere (docs/domain.md §7): for one period and city the
 * dashboard, the 上报进度 page, the progress PDF and the API give the same counts. The period has every report state,
 * so counting RETURNED as 已报 (the old progress page) or 已审核 as 已报 (the old dashboard) would make them differ.
 */
class ReportingCountsAgreeTest extends StatisticsTestBase {

    static final String PERIOD = "2092-03";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    WebApplicationContext web;
    @Autowired
    StatisticsReports reports;

    ReportingCounts expected;

    @BeforeEach
    void fixture() {
        if (jdbc.queryForObject("select count(*) from survey_period where code = ?", Integer.class, PERIOD) == 0) {
            // closed, but with reports under review and returned: still provisional
            Timestamp start = Timestamp.from(Instant.parse("2092-04-01T00:00:00Z"));
            Timestamp end = Timestamp.from(Instant.parse("2092-04-10T16:00:00Z"));
            jdbc.update("insert into survey_period (code, window_start, window_end, state, reminder_offsets, created_at, updated_at)"
                    + " values (?, ?, ?, 'CLOSED', '3,1', ?, ?)", PERIOD, start, end, start, start);
            for (String state : List.of("ACCEPTED", "FORWARDED", "PENDING_CITY", "PENDING_PROVINCE", "RETURNED", "RETURNED",
                    "MISSING", "DRAFT")) {
                long e = enterprise("一致性" + state, DIQING, SHANGRILA, "F", "51", DIQING_TYPE, 100);
                report(e, PERIOD, state, 100, "DRAFT".equals(state) || "MISSING".equals(state) ? null : 95, null);
            }
            enterprise("一致性未填报", DIQING, SHANGRILA, "F", "51", DIQING_TYPE, 100);
        }
        // every filed enterprise of 迪庆 is due (other tests add some); only ours have reports in this period
        long due = jdbc.queryForObject("select count(*) from enterprise where city_code = ? and filing_state = 'FILED'",
                Long.class, DIQING);
        expected = ReportingCounts.of(due, 4, 2, 2);
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void dashboardProgressPagePdfAndApiGiveTheSameCounts() throws Exception {
        assertThat(expected.missing()).as("RETURNED, MISSING, DRAFT and no report are 缺报").isGreaterThanOrEqualTo(5);

        signIn(Scope.province(), Role.LEADER);
        assertThat(dashboard()).isEqualTo(expected);
        assertThat(progressPage()).isEqualTo(expected);
        signIn(Scope.province(), Role.LEADER); // the mocked UI's navigation leaves the thread signed out
        assertThat(progressPdf()).isEqualTo(expected);
        assertThat(api(Scope.province())).isEqualTo(expected);

        // and the same for a reviewer of that city, whose reports are fixed to it
        signIn(Scope.city(DIQING), Role.CITY_REVIEWER);
        assertThat(progressPdf()).isEqualTo(expected);
        assertThat(api(Scope.city(DIQING))).isEqualTo(expected);
    }

    /** The key figures and the 上报进度 table of the dashboard, filtered to the city. */
    private ReportingCounts dashboard() {
        UI.getCurrent().navigate("dashboard");
        _get(DashboardView.class);
        _setValue(combo("dashboard-period"), PERIOD);
        ComboBox<Code> city = combo("dashboard-city");
        _setValue(city, city.getListDataView().getItems().filter(c -> c.code().equals(DIQING)).findFirst().orElseThrow());
        ReportingCounts cards = ReportingCounts.of(kpi("due"), kpi("reported"), kpi("accepted"), kpiReturned());
        assertThat(kpi("missing")).isEqualTo(cards.missing());
        @SuppressWarnings("unchecked")
        Grid<Object> progress = _get(Grid.class, spec -> spec.withId("table-progress"));
        List<String> row = GridKt._getFormattedRow(progress, 1);
        assertThat(row.get(0)).isEqualTo("迪庆藏族自治州");
        ReportingCounts table = new ReportingCounts(Long.parseLong(row.get(1)), Long.parseLong(row.get(2)),
                Long.parseLong(row.get(3)), Long.parseLong(row.get(4)), Long.parseLong(row.get(5)));
        assertThat(table).isEqualTo(cards);
        Span banner = _get(Span.class, spec -> spec.withId("dashboard-provisional"));
        assertThat(banner.getText()).contains("已审核 " + cards.accepted() + " / 应报 " + cards.due() + " 户");
        return cards;
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static long kpi(String id) {
        Div card = _get(Div.class, spec -> spec.withId("kpi-" + id));
        return Long.parseLong(_get(card, Span.class, spec -> spec.withClasses("ems-kpi-value")).getText());
    }

    /** 退回 is on the 缺报 card as "其中退回 n". */
    private static long kpiReturned() {
        Div card = _get(Div.class, spec -> spec.withId("kpi-missing"));
        String detail = _get(card, Span.class, spec -> spec.withClasses("ems-kpi-detail")).getText();
        Matcher m = Pattern.compile("其中退回 (\\d+)").matcher(detail);
        assertThat(m.find()).as(detail).isTrue();
        return Long.parseLong(m.group(1));
    }

    private ReportingCounts progressPage() {
        UI.getCurrent().navigate("progress");
        _get(ProgressView.class);
        _setValue(combo("progress-period"), PERIOD);
        @SuppressWarnings("unchecked")
        Grid<ProgressRow> areas = _get(Grid.class, spec -> spec.withId("progress-grid"));
        ProgressRow row = areas.getListDataView().getItems().filter(r -> DIQING.equals(r.areaCode())).findFirst().orElseThrow();
        assertThat(_get(Span.class, spec -> spec.withId("progress-provisional")).isVisible()).isTrue();
        return row.counts();
    }

    /** The 迪庆 row of 上报进度表 as PDF text: 应报 已报 已审核 缺报 退回 上报率 审核率. */
    private ReportingCounts progressPdf() throws Exception {
        String text = Pdfs.text(reports.pdf(ReportKind.PROGRESS, PERIOD, StatisticsFilter.city(DIQING)));
        assertThat(text).contains("应报", "已报", "已审核", "缺报", "退回", "上报率", "审核率");
        Matcher m = Pattern.compile("迪庆藏族自治州\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+[\\d.]+%\\s+[\\d.]+%").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return new ReportingCounts(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
    }

    private ReportingCounts api(Scope scope) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        CurrentUser u = new CurrentUser(1, "api-tester", "接口测试", Set.of(Role.LEADER), scope);
        String json = mvc.perform(get("/api/v1/statistics/{p}/counts", PERIOD)
                        .with(cn.yn.employment.testsupport.ApiCaller.as(u)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode body = new ObjectMapper().readTree(json);
        assertThat(body.get("provisional").asBoolean()).isTrue();
        JsonNode c = null;
        for (JsonNode area : body.get("areas")) {
            if (scope.type() == cn.yn.employment.common.security.ScopeType.PROVINCE && DIQING.equals(area.get("code").asText())) {
                c = area.get("counts");
            }
        }
        if (scope.type() != cn.yn.employment.common.security.ScopeType.PROVINCE) {
            c = body.get("total"); // a city's total (its areas are its counties)
            assertThat(body.get("scope").asText()).isEqualTo("迪庆藏族自治州");
        }
        assertThat(c).as(json).isNotNull();
        return new ReportingCounts(c.get("due").asLong(), c.get("reported").asLong(), c.get("accepted").asLong(),
                c.get("missing").asLong(), c.get("returned").asLong());
    }
}
