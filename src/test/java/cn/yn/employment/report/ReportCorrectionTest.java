package cn.yn.employment.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.period.PeriodService;
import java.util.List;
import java.util.Set;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * 更正 (domain.md §6) as each role meets it in {@link ReportService#correct}: only a province reviewer with the
 * province's scope may reopen a report, only an accepted one, and only with a reason; every refusal leaves the report
 * accepted with no correction recorded.
 */
class ReportCorrectionTest extends ReportTestBase {

    static final String P = "2026-02";
    static final CurrentUser LEADER = new CurrentUser(9003, "leader-c", "领导", Set.of(Role.LEADER), Scope.province());
    static final CurrentUser PROVINCE_ROLE_CITY_SCOPE = new CurrentUser(9004, "prov-km", "省审核员（昆明范围）",
            Set.of(Role.PROVINCE_REVIEWER), Scope.city("530100"));

    @Autowired
    ReportService reports;
    @Autowired
    PeriodService periods;
    @Autowired
    TaskService taskService;

    @BeforeEach
    void openPeriod() {
        period(P, periods);
    }

    /** A report of a new Kunming enterprise, submitted by it, approved by the city and accepted by the province. */
    ReportView accepted() {
        ReportView r = submittedKunmingReport(P, reports);
        approveTask(taskService, r, ReportService.TASK_CITY, city("530100"));
        approveTask(taskService, r, ReportService.TASK_PROVINCE, province());
        ReportView a = reports.get(r.id());
        assertThat(a.state()).isEqualTo(ReportState.ACCEPTED);
        return a;
    }

    void stillAccepted(ReportView r) {
        actAs(province());
        assertThat(reports.get(r.id()).state()).isEqualTo(ReportState.ACCEPTED);
        assertThat(auditCount("REPORT_CORRECTION_OPENED", r.id())).isZero();
        assertThat(reports.events(r.id())).extracting(ReportEvent::action).doesNotContain("CORRECTION_OPENED");
    }

    @Test
    void theEnterpriseTheCityReviewerTheLeaderAndAProvinceRoleWithACityScopeAreRefused() {
        ReportView r = accepted();
        for (CurrentUser refused : List.of(enterpriseUser(r.enterpriseId()), city("530100"), LEADER, PROVINCE_ROLE_CITY_SCOPE)) {
            actAs(refused);
            assertThatThrownBy(() -> reports.correct(r.id(), "数据有误")).as(refused.username())
                    .isInstanceOf(AccessDeniedException.class);
        }
        stillAccepted(r);
    }

    @Test
    void theProvinceReviewerReopensAnAcceptedReportWithItsReasonOnTheTimelineAndInTheAudit() {
        ReportView r = accepted();
        actAs(province());
        ReportView reopened = reports.correct(r.id(), "  从业人数与社保缴费人数不符  ");

        assertThat(reopened.state()).isEqualTo(ReportState.RETURNED);
        assertThat(reopened.returnReason()).isEqualTo("从业人数与社保缴费人数不符");
        assertThat(reopened.processInstanceId()).isNotEqualTo(r.processInstanceId());
        Task revise = taskService.createTaskQuery().processInstanceId(reopened.processInstanceId()).singleResult();
        assertThat(revise.getTaskDefinitionKey()).isEqualTo(ReportService.TASK_REVISE);
        assertThat(revise.getAssignee()).isEqualTo("enterprise:" + r.enterpriseId());
        ReportEvent last = reports.events(r.id()).get(reports.events(r.id()).size() - 1);
        assertThat(last.action()).isEqualTo("CORRECTION_OPENED");
        assertThat(last.actor()).isEqualTo(province().username());
        assertThat(last.comment()).isEqualTo("从业人数与社保缴费人数不符");
        assertThat(auditCount("REPORT_CORRECTION_OPENED", r.id())).isEqualTo(1);
    }

    @Test
    void onlyAnAcceptedReportAndOnlyWithAReason() {
        ReportView pending = submittedKunmingReport(P, reports);
        approveTask(taskService, pending, ReportService.TASK_CITY, city("530100"));
        actAs(province());
        assertThatThrownBy(() -> reports.correct(pending.id(), "数据有误")).isInstanceOf(DomainException.class)
                .hasMessage("report.correct.notAccepted");
        assertThat(reports.get(pending.id()).state()).isEqualTo(ReportState.PENDING_PROVINCE);

        ReportView r = accepted();
        actAs(province());
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> reports.correct(r.id(), blank)).isInstanceOfSatisfying(DomainException.class, e ->
                    assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly("reason"));
        }
        stillAccepted(r);

        // reopened once: a second correction (a colleague's, a double click) is refused, one correction recorded
        actAs(province());
        reports.correct(r.id(), "行业代码有误");
        assertThatThrownBy(() -> reports.correct(r.id(), "行业代码有误")).isInstanceOf(DomainException.class)
                .hasMessage("report.correct.notAccepted");
        assertThat(auditCount("REPORT_CORRECTION_OPENED", r.id())).isEqualTo(1);

        assertThatThrownBy(() -> reports.correct(Long.MAX_VALUE, "数据有误")).isInstanceOf(NotFoundException.class);
    }
}
