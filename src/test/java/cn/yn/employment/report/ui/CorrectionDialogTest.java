package cn.yn.employment.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportState;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.ui.KaribuSpring;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * 更正 on the reviewer's report pane (shown in the inbox's item dialog, 已办 included): offered to the province reviewer
 * on an accepted report only; the dialog says what will happen, wants the reason at its field, and after the
 * correction the pane shows the report returned with the correction on its timeline.
 */
class CorrectionDialogTest extends ReportTestBase {

    static final String P = "2026-02";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    PeriodService periods;
    @Autowired
    ReportService reports;
    @Autowired
    TaskService taskService;
    @Autowired
    ReportDetailsProvider provider;

    @BeforeEach
    void setUp() {
        period(P, periods);
        KaribuSpring.setupWithoutRoutes(ctx);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSpring.tearDown();
    }

    ReportView accepted() {
        ReportView r = submittedKunmingReport(P, reports);
        approveTask(taskService, r, ReportService.TASK_CITY, city("530100"));
        approveTask(taskService, r, ReportService.TASK_PROVINCE, province());
        return r;
    }

    /** The pane as the user sees it in the item dialog, the only component of the UI. */
    Component pane(ReportView r, CurrentUser user) {
        actAs(user);
        Component pane = provider.details(r.id(), user);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(pane);
        return pane;
    }

    static List<String> openNotifications() {
        return NotificationsKt.getNotifications().stream().filter(Notification::isOpened)
                .map(n -> n.getElement().getProperty("text")).toList();
    }

    @Test
    void theProvinceReviewerCorrectsAnAcceptedReportAfterSeeingWhatWillHappen() {
        ReportView r = accepted();
        Component pane = pane(r, province());
        _click(_get(Button.class, s -> s.withId("report-correct")));
        CorrectionDialog d = _get(CorrectionDialog.class);
        assertThat(d.isOpened()).isTrue();
        assertThat(d.getHeaderTitle()).contains(r.enterpriseName()).contains(P);
        assertThat(d.getElement().getTextRecursively()).contains("待企业修改").contains("再次经市级审核、省级审核")
                .contains("减员预警撤销");

        // no reason: the error at the field, the cursor in it, nothing changed
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        _click(d.confirm);
        assertThat(d.reason.isInvalid()).isTrue();
        assertThat(d.reason.getErrorMessage()).isEqualTo("请填写更正原因");
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        assertThat(focusCalls(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations(), d.reason.getElement()))
                .as("focus moved to the reason").isPositive();
        assertThat(d.isOpened()).isTrue();
        assertThat(reports.get(r.id()).state()).isEqualTo(ReportState.ACCEPTED);

        _setValue(d.reason, "从业人数与社保缴费人数不符，请核实后重新上报");
        assertThat(d.reason.isInvalid()).as("typing a reason clears the error").isFalse();
        _click(d.confirm);

        assertThat(d.isOpened()).isFalse();
        assertThat(openNotifications()).containsExactly("已发起更正：" + r.enterpriseName() + " 的 " + P + " 月报已退回企业");
        assertThat(reports.get(r.id()).state()).isEqualTo(ReportState.RETURNED);
        assertThat(auditCount("REPORT_CORRECTION_OPENED", r.id())).isEqualTo(1);
        // the pane is drawn again: returned, the correction on the timeline, no second 更正
        assertThat(_find(Button.class, s -> s.withId("report-correct"))).isEmpty();
        assertThat(_get(pane, com.vaadin.flow.component.html.Div.class, s -> s.withId("report-details-timeline"))
                .getElement().getTextRecursively()).contains("省级发起更正：从业人数与社保缴费人数不符，请核实后重新上报");
        assertThat(pane.getElement().getTextRecursively()).contains("待企业修改");
    }

    @Test
    void cancelChangesNothing() {
        ReportView r = accepted();
        pane(r, province());
        _click(_get(Button.class, s -> s.withId("report-correct")));
        CorrectionDialog d = _get(CorrectionDialog.class);
        _setValue(d.reason, "想一想再说");
        _click(d.cancel);
        assertThat(d.isOpened()).isFalse();
        assertThat(reports.get(r.id()).state()).isEqualTo(ReportState.ACCEPTED);
        assertThat(auditCount("REPORT_CORRECTION_OPENED", r.id())).isZero();
    }

    @Test
    void aColleagueWhoCorrectedFirstLeavesTheDialogOpenWithTheServicesRefusal() {
        ReportView r = accepted();
        pane(r, province());
        _click(_get(Button.class, s -> s.withId("report-correct")));
        CorrectionDialog d = _get(CorrectionDialog.class);
        reports.correct(r.id(), "同事已发起更正");
        _setValue(d.reason, "行业代码有误");
        _click(d.confirm);
        assertThat(d.isOpened()).isTrue();
        assertThat(openNotifications()).containsExactly("只有省已通过的月报可以更正");
        assertThat(auditCount("REPORT_CORRECTION_OPENED", r.id())).isEqualTo(1);
    }

    @Test
    void notOfferedToTheCityReviewerNorOnAReportThatIsNotAccepted() {
        ReportView r = accepted();
        pane(r, city("530100"));
        assertThat(_find(Button.class, s -> s.withId("report-correct"))).isEmpty();

        ReportView pending = submittedKunmingReport(P, reports);
        approveTask(taskService, pending, ReportService.TASK_CITY, city("530100"));
        pane(pending, province());
        assertThat(_find(Button.class, s -> s.withId("report-correct"))).isEmpty();
    }

    private static long focusCalls(List<PendingJavaScriptInvocation> pending, Element element) {
        return pending.stream()
                .filter(i -> i.getInvocation().getExpression().contains("focus"))
                .filter(i -> i.getOwner() == element.getNode() || i.getInvocation().getParameters().contains(element))
                .count();
    }
}
