package cn.yn.employment.period.ui;

import cn.yn.employment.ui.KaribuSpring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.period.CalendarJob;
import cn.yn.employment.period.CalendarTestBase;
import cn.yn.employment.period.ChaseService;
import cn.yn.employment.period.JobInfo;
import cn.yn.employment.period.NonReporter;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.common.reporting.ReportingCounts;
import cn.yn.employment.period.ProgressRow;
import cn.yn.employment.ui.DefinedTerm;
import cn.yn.employment.period.ProgressService;
import cn.yn.employment.ui.HomePanel;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** Karibu: period management, grants, progress and chasing, jobs — each by its roles only. */
class CalendarViewsTest extends CalendarTestBase {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    PeriodCalendarService calendar;
    @Autowired
    ChaseService chase;
    @Autowired
    ProgressService progress;
    @Autowired
    List<HomePanel> panels;

    @BeforeEach
    void karibu() {
        startVaadin(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void viewsDeclareTheirRoles() {
        assertThat(roles(PeriodAdminView.class)).containsExactly(Role.PROVINCE_REVIEWER_);
        assertThat(roles(LateFilingView.class)).containsExactly(Role.PROVINCE_REVIEWER_);
        assertThat(roles(ProgressView.class)).containsExactlyInAnyOrder(Role.PROVINCE_REVIEWER_, Role.CITY_REVIEWER_, Role.LEADER_);
        assertThat(roles(JobsView.class)).containsExactlyInAnyOrder(Role.SYSTEM_ADMIN_, Role.PROVINCE_REVIEWER_);
    }

    @Test
    void provinceSetsWindowsAndCityWindowsAndOthersMayNot() {
        String code = "2033-01";
        clock.set(at("2033-01-20T00:00"));
        period(code, at("2033-02-01T00:00"), at("2033-02-11T00:00"), "SCHEDULED");
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        PeriodAdminView view = KaribuSpring.view(ctx, PeriodAdminView.class);
        PeriodCalendarService.CalendarPeriod p = view.grid.getListDataView().getItems().filter(x -> x.code().equals(code))
                .findFirst().orElseThrow();
        assertThat(p.state()).isEqualTo("SCHEDULED");
        view.grid.select(p);
        assertThat(view.windowButton.isEnabled()).isTrue();
        assertThat(view.reopenButton.isEnabled()).isFalse();
        calendar.setWindow(code, p.windowStart(), at("2033-02-12T00:00"), List.of(5, 2), p.version());
        calendar.setCityWindow(code, "530800", at("2033-02-01T00:00"), at("2033-02-15T00:00"));
        view.refresh();
        PeriodCalendarService.CalendarPeriod after = calendar.period(code);
        assertThat(after.windowEnd()).isEqualTo(at("2033-02-12T00:00"));
        assertThat(after.reminderOffsets()).containsExactly(5, 2);
        assertThat(after.cityWindows()).hasSize(1);
        assertThat(after.lastEnd()).isEqualTo(at("2033-02-15T00:00"));

        signInNew(Scope.city("530800"), Role.CITY_REVIEWER);
        assertThatThrownBy(() -> calendar.setCityWindow(code, "530800", at("2033-02-01T00:00"), at("2033-02-20T00:00")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendar.reopen(code, at("2033-03-01T00:00"), "x")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void provinceGrantsLateFilingAndTheEnterpriseSeesItOnItsHomePage() {
        String code = "2033-02";
        clock.set(at("2033-03-12T09:00"));
        period(code, at("2033-03-01T00:00"), at("2033-03-11T00:00"), "OPEN");
        long late = enterprise("补报企业", "530900", "530902", null, null);
        calendar.closeDue();
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        LateFilingView view = KaribuSpring.view(ctx, LateFilingView.class);
        view.period.setValue(code);
        NonReporter candidate = view.candidates.getListDataView().getItems().filter(n -> n.enterpriseId() == late)
                .findFirst().orElseThrow();
        view.candidates.select(candidate);
        view.hours.setValue(48);
        view.reason.setValue("网络故障");
        ButtonKt._click(view.grant);
        assertThat(view.granted.getListDataView().getItems().filter(g -> g.enterpriseId() == late).count()).isEqualTo(1);

        long entUser = user("e" + unique(), Scope.enterprise(late), Role.ENTERPRISE);
        signIn(entUser, "e", Scope.enterprise(late), Role.ENTERPRISE);
        Component panel = panels.stream().filter(p -> p instanceof GrantHomePanel).findFirst().orElseThrow()
                .create(new cn.yn.employment.common.security.CurrentUser(entUser, "e", "e", Set.of(Role.ENTERPRISE), Scope.enterprise(late)));
        assertThat(panel.isVisible()).isTrue();
        assertThat(((Div) panel).getElement().getTextRecursively()).contains(code).contains("2033-03-14 09:00");
        assertThat(notifications(entUser, NotificationService.GRANT)).isZero(); // the user was created after the grant

        // a city reviewer cannot grant, even with the screen in hand
        signInNew(Scope.city("530900"), Role.CITY_REVIEWER);
        int before = jdbc.queryForObject("select count(*) from late_filing_grant", Integer.class);
        view.doGrant();
        assertThat(jdbc.queryForObject("select count(*) from late_filing_grant", Integer.class)).isEqualTo(before);
    }

    @Test
    void cityProgressDrillsDownAndChasingSendsOnceOnADoubleClick() {
        String code = "2033-03";
        clock.set(at("2033-04-05T09:00"));
        period(code, at("2033-04-01T00:00"), at("2033-04-11T00:00"), "OPEN");
        String city = "531000";
        long done = enterprise("已报", city, "531002", "x@example.com", "13900000001");
        long notYet1 = enterprise("未报1", city, "531002", "y@example.com", "13900000002");
        long notYet2 = enterprise("未报2", city, "531023", null, null);
        report(done, code, "ACCEPTED");
        // sent back to the enterprise: not 已报, so 缺报 (and chased); under review: 已报, not 已审核
        long returned = enterprise("退回", city, "531023", null, null);
        report(returned, code, "RETURNED");
        long pending = enterprise("待审", city, "531023", null, null);
        report(pending, code, "PENDING_CITY");
        long entUser = user("e" + unique(), Scope.enterprise(notYet1), Role.ENTERPRISE);

        signInNew(Scope.city(city), Role.CITY_REVIEWER);
        ProgressView view = KaribuSpring.view(ctx, ProgressView.class);
        view.period.setValue(code);
        List<ProgressRow> rows = view.areas.getListDataView().getItems().toList();
        assertThat(rows).extracting(ProgressRow::areaCode).containsExactly("531002", "531023");
        ProgressRow first = rows.get(0);
        assertThat(first.counts()).isEqualTo(ReportingCounts.of(2, 1, 1, 0));
        assertThat(first.overdue()).isFalse();
        assertThat(rows.get(1).counts()).isEqualTo(ReportingCounts.of(3, 1, 0, 1));
        assertThat(rows.get(1).missing()).isEqualTo(2);
        assertThat(view.totals.getText()).contains("应报 5", "已报 2", "已审核 1", "缺报 3", "退回 1", "上报率 40.00%", "审核率 20.00%");
        // the period is open: the figures are marked as provisional, as of the business date
        assertThat(view.provisional.isVisible()).isTrue();
        assertThat(view.provisional.getText()).isEqualTo("截至 2033-04-05，已审核 1 / 应报 5 户；本期尚未完成，数据为临时数");
        // each count's header explains it
        assertThat(view.areas.getColumns().stream().map(c -> c.getHeaderComponent())
                .filter(DefinedTerm.class::isInstance).map(c -> ((DefinedTerm) c).definition()).toList())
                .hasSize(7).anySatisfy(d -> assertThat(d).startsWith("已报：已提交且未被退回"));
        assertThat(view.nonReporters.getListDataView().getItems().map(NonReporter::enterpriseId).toList())
                .containsExactlyInAnyOrder(notYet1, notYet2, returned);

        ButtonKt._click(view.chaseAll);
        ButtonKt._click(view.chaseAll); // double click
        assertThat(jdbc.queryForObject("select count(*) from chase_log where period_code = ?", Integer.class, code)).isEqualTo(3);
        assertThat(notifications(entUser, NotificationService.CHASE)).isEqualTo(1);
        assertThat(view.log.getListDataView().getItems().count()).isEqualTo(3);
        deliverOutbox();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        // after the interval it may chase again
        clock.advance(java.time.Duration.ofMinutes(11));
        assertThat(chase.chase(code, List.of(notYet1)).chased()).isEqualTo(1);

        // overdue once the window ends with non-reporters
        clock.set(at("2033-04-11T00:01"));
        assertThat(progress.byCounty(code, city).get(0).overdue()).isTrue();
        // another city's reviewer sees nothing of this city
        signInNew(Scope.city("530100"), Role.CITY_REVIEWER);
        assertThatThrownBy(() -> progress.byCounty(code, city)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> chase.chase(code, List.of(notYet1))).isInstanceOf(AccessDeniedException.class);
        // a leader sees progress but does not chase
        signInNew(Scope.province(), Role.LEADER);
        ProgressView leaderView = KaribuSpring.view(ctx, ProgressView.class);
        assertThat(leaderView.chaseAll.isVisible()).isFalse();
        assertThatThrownBy(() -> chase.chase(code, List.of(notYet1))).isInstanceOf(AccessDeniedException.class);
        // the province sees cities
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        assertThat(progress.byCity(code)).extracting(ProgressRow::areaCode).contains(city);
    }

    @Test
    void jobsViewListsJobsByRoleAndRunsOneNow() {
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        JobsView view = KaribuSpring.view(ctx, JobsView.class);
        List<CalendarJob> shown = view.grid.getListDataView().getItems().map(JobInfo::job).toList();
        assertThat(shown).contains(CalendarJob.PERIOD_CLOSE, CalendarJob.REVIEW_SLA).doesNotContain(CalendarJob.FLOWABLE_HISTORY_CLEANUP);
        JobInfo close = view.grid.getListDataView().getItems().filter(j -> j.job() == CalendarJob.PERIOD_CLOSE).findFirst().orElseThrow();
        view.runNow(close);
        JobInfo after = view.grid.getListDataView().getItems().filter(j -> j.job() == CalendarJob.PERIOD_CLOSE).findFirst().orElseThrow();
        assertThat(after.lastOutcome()).isEqualTo("OK");
        assertThat(after.lastFired()).isNotNull();

        signInNew(Scope.system(), Role.SYSTEM_ADMIN);
        JobsView admin = KaribuSpring.view(ctx, JobsView.class);
        JobInfo cleanup = admin.grid.getListDataView().getItems().filter(j -> j.job() == CalendarJob.FLOWABLE_HISTORY_CLEANUP)
                .findFirst().orElseThrow();
        admin.runNow(cleanup);
        assertThat(jdbc.queryForObject("select outcome from job_run where job = 'flowable-history-cleanup' order by id desc limit 1",
                String.class)).isEqualTo("OK");

        signInNew(Scope.city("530100"), Role.CITY_REVIEWER);
        assertThatThrownBy(() -> KaribuSpring.view(ctx, JobsView.class)).matches(KaribuSpring::denied);
    }

    private static List<String> roles(Class<?> view) {
        return List.of(view.getAnnotation(RolesAllowed.class).value());
    }
}
