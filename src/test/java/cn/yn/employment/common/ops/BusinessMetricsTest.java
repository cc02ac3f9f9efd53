package cn.yn.employment.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.period.CalendarJob;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.internal.JobRunner;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.review.InboxFilter;
import cn.yn.employment.review.InboxTab;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewService;
import cn.yn.employment.statistics.ReportKind;
import cn.yn.employment.statistics.StatisticsFilter;
import cn.yn.employment.statistics.StatisticsReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The business metrics on the Actuator Prometheus endpoint: a submission, a city approval, a city return, inbox
 * queries, a calendar job run, a PDF and a workbook, and a failed login each move their series. Then checks that the
 * alert rules and the Grafana dashboard in deploy/monitoring only name series that exist (one test: series appear
 * on first use). Runs in the report tests'
 * context (ReportTestBase), which has the Prometheus registry switched on.
 */
class BusinessMetricsTest extends ReportTestBase {

    static final String P = "2026-02";

    @Autowired io.micrometer.prometheusmetrics.PrometheusMeterRegistry prometheus;
    @Autowired WebApplicationContext context;
    @Autowired ReportService reports;
    @Autowired PeriodService periods;
    @Autowired ReviewService review;
    @Autowired JobRunner jobs;
    @Autowired StatisticsReports statistics;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        // the HTTP server observation filter, as the servlet container would run it: http_server_requests_* series
        Filter observation = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map(FilterRegistrationBean::getFilter).filter(ServerHttpObservationFilter.class::isInstance)
                .map(Filter.class::cast).findFirst().orElseThrow();
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(observation).apply(springSecurity()).build();
        period(P, periods);
    }

    @Test
    void businessEventsAppearOnThePrometheusEndpoint() throws Exception {
        String before = scrape();

        // two enterprises of 昆明 submit; the city approves one and returns the other
        ReportView approved = submit();
        ReportView returned = submit();
        actAs(city("530100"));
        assertThat(review.inbox(InboxTab.TODO, InboxFilter.none(), null, 50).items()).isNotEmpty();
        assertThat(review.count(InboxTab.TODO, InboxFilter.none())).isGreaterThanOrEqualTo(2);
        review.approve(taskOf(approved), null);
        review.returnTask(taskOf(returned), ReturnTo.ENTERPRISE, "人数有误");
        // the enterprise corrects and submits again
        actAs(enterpriseUser(returned.enterpriseId()));
        reports.submit(returned.id(), ReportForm.empty().withHeadcount(101), null);

        assertThat(jobs.run(CalendarJob.GRANT_EXPIRY, "metrics-test")).isEqualTo("OK");

        actAs(new cn.yn.employment.common.security.CurrentUser(1, "leader", "领导", Set.of(Role.LEADER), Scope.province()));
        assertThat(statistics.pdf(ReportKind.SUMMARY_BY_CITY, P, StatisticsFilter.all())).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(statistics.excel(ReportKind.SUMMARY_BY_CITY, P, StatisticsFilter.all())).isNotEmpty();
        SecurityContextHolder.clearContext();

        mvc.perform(post("/api/v1/tokens").with(httpBasic("nobody-" + System.nanoTime(), "wrong-password")))
                .andExpect(status().isUnauthorized());

        String after = scrape();
        assertIncreasedBy(before, after, "ems_reports_submitted_total", "submission=\"first\"", 2);
        assertIncreasedBy(before, after, "ems_reports_submitted_total", "submission=\"resubmission\"", 1);
        assertIncreasedBy(before, after, "ems_reviews_total", "decision=\"approve\",kind=\"report\",level=\"city\"", 1);
        assertIncreasedBy(before, after, "ems_reviews_total", "decision=\"return\",kind=\"report\",level=\"city\"", 1);
        assertIncreasedBy(before, after, "ems_inbox_query_seconds_count", "query=\"page\"", 1);
        assertIncreasedBy(before, after, "ems_inbox_query_seconds_count", "query=\"count\"", 1);
        assertIncreasedBy(before, after, "ems_jobs_runs_total", "job_name=\"grant-expiry\",outcome=\"ok\"", 1);
        assertIncreasedBy(before, after, "ems_report_generation_seconds_count", "format=\"pdf\",report=\"summary-city\"", 1);
        assertIncreasedBy(before, after, "ems_report_generation_seconds_count", "format=\"xlsx\",report=\"summary-city\"", 1);
        assertIncreasedBy(before, after, "ems_login_failed_total", "", 1);
        // latency histograms for the dashboard's and the alerts' quantiles
        assertThat(after).contains("ems_inbox_query_seconds_bucket{").contains("ems_report_generation_seconds_bucket{");

        // now that every series exists (and the scrapes above were HTTP requests): the monitoring files name only these
        alertRulesAndDashboardNameOnlySeriesThatExist(scrape());
    }

    private static void alertRulesAndDashboardNameOnlySeriesThatExist(String scrape) throws IOException {
        Set<String> exported = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^(\\w+)[{ ]").matcher(scrape);
        while (m.find()) {
            exported.add(m.group(1));
        }
        Path monitoring = Path.of("deploy/monitoring");
        for (String file : new String[] {"ems-alerts.yml", "grafana/ems-dashboard.json"}) {
            String text = Files.readString(monitoring.resolve(file));
            Set<String> named = new TreeSet<>();
            Matcher n = Pattern.compile("\\b(ems_\\w+|jvm_\\w+|hikaricp_\\w+|http_server_requests_\\w+|process_cpu_usage|system_cpu_usage)").matcher(text);
            while (n.find()) {
                named.add(n.group(1));
            }
            assertThat(named).as("series named in " + file).isNotEmpty();
            assertThat(exported).as("series exported, compared with those named in " + file).containsAll(named);
        }
    }

    private ReportView submit() {
        long enterprise = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(enterprise));
        ReportView draft = reports.draftFor(enterprise, P);
        return reports.submit(draft.id(), ReportForm.empty().withHeadcount(100), null);
    }

    private String taskOf(ReportView r) {
        return jdbc.queryForObject("select task_id from work_item where kind = 'REPORT' and subject_id = ?", String.class, r.id());
    }

    /** What /actuator/prometheus serves (on the management port, which a MockMvc test has not got). */
    private String scrape() {
        return prometheus.scrape();
    }

    /** The sum of the series' samples whose labels contain {@code labels}. */
    private static double value(String scrape, String name, String labels) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape);
        while (m.find()) {
            if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private static void assertIncreasedBy(String before, String after, String name, String labels, double by) {
        assertThat(after).as(name + " is exported").containsPattern("(?m)^" + name + "[{ ]");
        assertThat(value(after, name, labels) - value(before, name, labels)).as(name + " {" + labels + "}").isEqualTo(by);
    }
}
