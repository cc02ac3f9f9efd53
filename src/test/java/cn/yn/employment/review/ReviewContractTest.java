package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.enterprise.EnterpriseService;
import cn.yn.employment.enterprise.EnterpriseView;
import cn.yn.employment.enterprise.FilingData;
import cn.yn.employment.enterprise.FilingService;
import cn.yn.employment.enterprise.RegistrationForm;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The review contract as both chains (report-review and enterprise-filing) keep it: the same answer to a stale
 * decision, a missing reason and a reviewer out of scope; one audit entry per decision; {@code submittedAt} set on
 * submission; and "overdue" in the inbox and "late" in the SLA escalation agree on a calendar with a holiday.
 */
class ReviewContractTest extends ReportTestBase {

    static final String P = "2026-02";
    static final CurrentUser KUNMING = new CurrentUser(9401, "km-contract", "昆明审核员", Set.of(Role.CITY_REVIEWER),
            Scope.city("530100"));
    static final CurrentUser QUJING = new CurrentUser(9402, "qj-contract", "曲靖审核员", Set.of(Role.CITY_REVIEWER),
            Scope.city("530300"));
    static final CurrentUser PROVINCE = new CurrentUser(9403, "prov-contract", "省审核员", Set.of(Role.PROVINCE_REVIEWER),
            Scope.province());
    static final CurrentUser ADMIN = new CurrentUser(9404, "admin-contract", "管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system());
    private static final AtomicInteger SEQ = new AtomicInteger(4000);

    @Autowired ReportService reports;
    @Autowired PeriodService periods;
    @Autowired EnterpriseService enterprises;
    @Autowired FilingService filings;
    @Autowired ReviewService review;
    @Autowired ReviewEscalation escalation;
    @Autowired ParameterService parameters;
    @Autowired TaskService tasks;

    @BeforeEach
    void openPeriod() {
        period(P, periods);
    }

    @AfterEach
    void noHolidays() {
        actAs(ADMIN);
        parameters.set(Parameter.CALENDAR_HOLIDAYS, "");
        SecurityContextHolder.clearContext();
    }

    /** A chain instance of either kind, submitted by a Kunming enterprise; returns its process instance id. */
    private String submitted(String kind) {
        if (kind.equals("REPORT")) {
            long ent = filedEnterprise("530100", "530102", 100);
            actAs(enterpriseUser(ent));
            ReportView draft = reports.draftFor(ent, P);
            return reports.submit(draft.id(), ReportForm.empty().withHeadcount(101), null).processInstanceId();
        }
        SecurityContextHolder.clearContext();
        String body = String.format("%08d", SEQ.incrementAndGet() * 7919 % 100_000_000);
        String first17 = "91530100" + body + OrganisationCode.checkCharFor(body);
        EnterpriseView e = enterprises.register(new RegistrationForm(first17 + Uscc.checkCharFor(first17),
                "合同测试企业" + SEQ.get(), "530102", "张三", "0871-63123456", "hr@example.cn", "contract" + SEQ.get(), "secret123"));
        actAs(new CurrentUser(20_000 + e.id(), "contract-ent-" + e.id(), "企业用户", Set.of(Role.ENTERPRISE),
                Scope.enterprise(e.id())));
        return filings.submit(e.id(), new FilingData(e.uscc(), e.name(), "530102", "110", "13", "食品加工", "张三",
                "昆明市五华区人民中路 1 号", "650031", "0871-63123456", "0871-63123457", "hr@example.cn", 120), null)
                .processInstanceId();
    }

    private Task open(String pi) {
        List<Task> list = tasks.createTaskQuery().processInstanceId(pi).list();
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REPORT", "FILING"})
    void bothChainsRefuseAStaleDecisionAMissingReasonAndAReviewerOutOfScope(String kind) {
        String pi = submitted(kind);
        Task city = open(pi);

        actAs(QUJING);
        assertThatThrownBy(() -> tasks.complete(city.getId(), Map.of("decision", "APPROVE")))
                .isInstanceOf(AccessDeniedException.class);
        actAs(KUNMING);
        assertThatThrownBy(() -> tasks.complete(city.getId(), Map.of("decision", "RETURN")))
                .isInstanceOf(DomainException.class).hasMessage("review.decision.reasonRequired");
        assertThatThrownBy(() -> tasks.complete(city.getId(), Map.of("decision", "MAYBE")))
                .isInstanceOf(DomainException.class).hasMessage("review.decision.required");
        assertThat(open(pi).getId()).isEqualTo(city.getId());

        review.approve(city.getId(), null);
        Task province = open(pi);
        assertThat(province.getTaskDefinitionKey()).isEqualTo("provinceReview");
        // the city's APPROVE must not count for the province: completing without a decision is refused
        actAs(PROVINCE);
        assertThatThrownBy(() -> tasks.complete(province.getId()))
                .isInstanceOf(DomainException.class).hasMessage("review.decision.required");
        actAs(KUNMING);
        assertThatThrownBy(() -> tasks.complete(province.getId(), Map.of("decision", "APPROVE")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(open(pi).getId()).isEqualTo(province.getId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"REPORT", "FILING"})
    void aDecisionIsAuditedOnceAndTheSubmissionTimeReachesTheInbox(String kind) {
        String pi = submitted(kind);
        Task city = open(pi);
        assertThat(jdbc.queryForObject("select submitted_at from work_item where task_id = ?", java.sql.Timestamp.class,
                city.getId()).toInstant()).isEqualTo(clock.instant());
        long before = jdbc.queryForObject("select count(*) from audit_log", Long.class);
        actAs(KUNMING);
        review.approve(city.getId(), "同意");
        List<String> actions = jdbc.queryForList("select action from audit_log order by id", String.class);
        List<String> added = actions.subList((int) before, actions.size());
        assertThat(added).filteredOn(a -> a.contains("APPROVE")).hasSize(1);
    }

    @Test
    void overdueInTheInboxAndLateInTheEscalationAgreeOnACalendarWithAHoliday() {
        // Thursday 2026-03-05 10:00; SLA 3 working days; Monday 03-09 is a holiday → due Wednesday 03-11 23:59:59
        actAs(ADMIN);
        parameters.set(Parameter.CALENDAR_HOLIDAYS, "2026-03-09");
        String pi = submitted("REPORT");
        Task city = open(pi);
        java.time.Instant due = LocalDateTime.of(2026, 3, 12, 0, 0).atZone(TimeConfig.ZONE).toInstant().minusSeconds(1);
        assertThat(jdbc.queryForObject("select due_at from work_item where task_id = ?", java.sql.Timestamp.class,
                city.getId()).toInstant()).isEqualTo(due);

        clock.set(due.minusSeconds(60));
        assertThat(overdueInInbox(city.getId())).isFalse();
        escalation.escalateOverdue();
        assertThat(escalation.isEscalated(city.getId())).isFalse();

        clock.set(due.plusSeconds(60));
        assertThat(overdueInInbox(city.getId())).isTrue();
        escalation.escalateOverdue();
        assertThat(escalation.isEscalated(city.getId())).isTrue();
        assertThat(escalation.escalateOverdue()).as("escalated once").isZero();
    }

    private boolean overdueInInbox(String taskId) {
        actAs(KUNMING);
        WorkItem item = review.inbox(InboxTab.TODO, InboxFilter.none().withKind("REPORT"), null, 500).items().stream()
                .filter(w -> w.taskId().equals(taskId)).findFirst().orElseThrow();
        List<WorkItem> overdueOnly = review.inbox(InboxTab.TODO, new InboxFilter(null, null, null, null, "REPORT", null,
                true, null, null, false), null, 500).items();
        assertThat(overdueOnly.stream().anyMatch(w -> w.taskId().equals(taskId))).isEqualTo(item.overdue());
        return item.overdue();
    }
}
