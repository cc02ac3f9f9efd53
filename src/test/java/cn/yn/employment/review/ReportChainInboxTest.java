package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportState;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real report-review chain (processes/report-review.bpmn20.xml) driven through the review inbox. Uses the report
 * module's test context (movable clock inside the 2026-02 window), so it costs no extra Spring context.
 */
class ReportChainInboxTest extends ReportTestBase {

    static final String P = "2026-02";
    static final CurrentUser CITY_A = new CurrentUser(9301, "km-r1", "昆明审核员", Set.of(Role.CITY_REVIEWER), Scope.city("530100"));
    static final CurrentUser CITY_B = new CurrentUser(9302, "km-r2", "昆明审核员", Set.of(Role.CITY_REVIEWER), Scope.city("530100"));
    static final CurrentUser QJ = new CurrentUser(9303, "qj-r1", "曲靖审核员", Set.of(Role.CITY_REVIEWER), Scope.city("530300"));
    static final CurrentUser PROV = new CurrentUser(9304, "prov-r1", "省审核员", Set.of(Role.PROVINCE_REVIEWER), Scope.province());

    @Autowired
    ReportService reports;
    @Autowired
    PeriodService periods;
    @Autowired
    ReviewService review;

    @BeforeEach
    void openPeriod() {
        period(P, periods);
    }

    private ReportView submitted(int headcount) {
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        ReportView draft = reports.draftFor(ent, P);
        return reports.submit(draft.id(), ReportForm.empty().withHeadcount(headcount), null);
    }

    private WorkItem only(CurrentUser reviewer, InboxTab tab, ReportView r) {
        actAs(reviewer);
        List<WorkItem> items = review.inbox(tab, InboxFilter.none().withKind("REPORT").withText(r.uscc()), null, 10).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private int openItems(ReportView r) {
        return jdbc.queryForObject("select count(*) from work_item where process_instance_id = ?", Integer.class,
                r.processInstanceId());
    }

    private ReportState state(ReportView r) {
        actAs(province());
        return reports.get(r.id()).state();
    }

    @Test
    void aReportTravelsThroughTheInboxesUntilAccepted() {
        ReportView r = submitted(102);
        WorkItem city = only(CITY_A, InboxTab.TODO, r);
        assertThat(city.subjectId()).isEqualTo(r.id());
        assertThat(city.periodCode()).isEqualTo(P);
        assertThat(city.countyCode()).isEqualTo("530102");
        assertThat(city.enterpriseId()).isEqualTo(r.enterpriseId());
        assertThat(city.dueAt()).isNotNull();
        actAs(QJ);
        assertThat(review.inbox(InboxTab.TODO, InboxFilter.none().withText(r.uscc()), null, 10).items()).isEmpty();

        // city returns to the enterprise, which resubmits
        actAs(CITY_A);
        review.returnTask(city.taskId(), ReturnTo.ENTERPRISE, "请核实从业人数");
        assertThat(state(r)).isEqualTo(ReportState.RETURNED);
        assertThat(openItems(r)).isZero();
        actAs(enterpriseUser(r.enterpriseId()));
        reports.submit(r.id(), ReportForm.empty().withHeadcount(101), null);
        assertThat(state(r)).isEqualTo(ReportState.PENDING_CITY);

        // city approves; province returns to the city; city approves again; province accepts
        review.approve(only(CITY_B, InboxTab.TODO, r).taskId(), null);
        assertThat(state(r)).isEqualTo(ReportState.PENDING_PROVINCE);
        review.returnTask(only(PROV, InboxTab.TODO, r).taskId(), ReturnTo.CITY, "请市级复核");
        WorkItem back = only(CITY_A, InboxTab.RETURNED, r);
        assertThat(back.returnComment()).isEqualTo("请市级复核");
        review.approve(back.taskId(), "已复核");
        review.approve(only(PROV, InboxTab.TODO, r).taskId(), null);
        assertThat(state(r)).isEqualTo(ReportState.ACCEPTED);
        assertThat(openItems(r)).isZero();
        assertThat(jdbc.queryForList("select decision from work_item_done where process_instance_id = ? order by completed_at, id",
                String.class, r.processInstanceId())).containsExactly("RETURN", "APPROVE", "RETURN", "APPROVE", "APPROVE");
        actAs(CITY_A);
        assertThat(review.timeline("REPORT", r.id())).extracting(TimelineEntry::type)
                .containsSubsequence("SUBMITTED", "RETURNED", "RESUBMITTED", "APPROVED", "RETURNED", "APPROVED", "APPROVED");
    }

    @Test
    void provinceReturnsToTheEnterpriseAndWithdrawClearsTheInbox() {
        ReportView r = submitted(101);
        actAs(CITY_A);
        review.approve(only(CITY_A, InboxTab.TODO, r).taskId(), null);
        review.returnTask(only(PROV, InboxTab.TODO, r).taskId(), ReturnTo.ENTERPRISE, "减员原因不完整");
        assertThat(state(r)).isEqualTo(ReportState.RETURNED);
        assertThat(openItems(r)).isZero();

        ReportView w = submitted(100);
        assertThat(openItems(w)).isEqualTo(1);
        actAs(enterpriseUser(w.enterpriseId()));
        reports.withdraw(w.id());
        assertThat(openItems(w)).isZero();
        assertThat(state(w)).isEqualTo(ReportState.DRAFT);
    }
}
