package cn.yn.employment.report.ui;

import cn.yn.employment.ui.KaribuSpring;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportState;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An enterprise fills the report in the real view: errors at fields, warning needs explanation, save, submit, withdraw, resubmit. */
class ReportFormViewTest extends ReportTestBase {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    PeriodService periods;
    @Autowired
    ReportService reports;
    @Autowired
    TaskService taskService;

    @AfterEach
    void tearDownVaadin() {
        KaribuSpring.tearDown();
    }

    ReportFormView open(long enterpriseId) {
        actAs(enterpriseUser(enterpriseId));
        KaribuSpring.setup(ctx);
        chinese();
        UI.getCurrent().navigate("report/2026-02");
        return _get(ReportFormView.class);
    }

    static void chinese() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(cn.yn.employment.common.i18n.Translations.CHINESE);
        UI.getCurrent().setLocale(cn.yn.employment.common.i18n.Translations.CHINESE);
    }

    @Test
    void enterpriseFillsSavesSubmitsWithdrawsAndResubmits() {
        period("2026-02", periods);
        long ent = filedEnterprise("530100", "530102", 100);
        ReportFormView view = open(ent);
        assertThat(view.baseline.getText()).isEqualTo("100");
        assertThat(view.previous.getText()).isEqualTo("—");
        assertThat(view.withdraw.isVisible()).isFalse();

        // below the baseline: the reduction fields appear and are required at the field
        view.headcount.setValue(90);
        assertThat(view.reductionSection.isVisible()).isTrue();
        view.submit.click();
        assertThat(view.reductionType.isInvalid()).isTrue();
        assertThat(view.reason1Code.isInvalid()).isTrue();
        assertThat(view.reason1Note.isInvalid()).isTrue();
        assertThat(view.reductionType.getErrorMessage()).isEqualTo("调查期就业人数低于建档期时必填");

        // above 2× the baseline: a soft warning that needs an explanation
        view.headcount.setValue(250);
        assertThat(view.reductionSection.isVisible()).isFalse();
        view.save.click();
        assertThat(reports.find(ent, "2026-02").orElseThrow().headcount()).isEqualTo(250);
        view.submit.click();
        assertThat(view.warnings.getChildren().count()).isEqualTo(1);
        assertThat(view.explanation.isVisible()).isTrue();
        assertThat(view.explanation.isInvalid()).isTrue();
        assertThat(reports.find(ent, "2026-02").orElseThrow().state()).isEqualTo(ReportState.DRAFT);

        // the draft survives a new session
        KaribuSpring.tearDown();
        view = open(ent);
        assertThat(view.headcount.getValue()).isEqualTo(250);
        view.submit.click();
        view.explanation.setValue("新厂区投产，招工较多");
        view.submit.click();
        ReportView r = reports.find(ent, "2026-02").orElseThrow();
        assertThat(r.state()).isEqualTo(ReportState.PENDING_CITY);
        assertThat(r.warningExplanation()).isEqualTo("新厂区投产，招工较多");
        assertThat(view.submit.isVisible()).isFalse();
        assertThat(view.withdraw.isVisible()).isTrue();
        assertThat(view.versions.getChildren().count()).isEqualTo(1);

        view.withdraw.click();
        assertThat(reports.find(ent, "2026-02").orElseThrow().state()).isEqualTo(ReportState.DRAFT);
        assertThat(view.submit.isVisible()).isTrue();
        view.explanation.setValue("新厂区投产");
        view.submit.click();
        r = reports.find(ent, "2026-02").orElseThrow();
        assertThat(r.state()).isEqualTo(ReportState.PENDING_CITY);
        assertThat(r.versionNo()).isEqualTo(2);

        // the city returns it; the enterprise sees the reason, corrects and resubmits
        actAs(city("530100"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(r.processInstanceId())
                .taskDefinitionKey(ReportService.TASK_CITY).singleResult().getId(),
                Map.of("decision", "RETURN", "comment", "人数明显偏高，请核实"));
        KaribuSpring.tearDown();
        view = open(ent);
        assertThat(view.returnBanner.isVisible()).isTrue();
        assertThat(view.returnBanner.getText()).contains("人数明显偏高，请核实");
        view.headcount.setValue(120);
        view.submit.click();
        r = reports.find(ent, "2026-02").orElseThrow();
        assertThat(r.state()).isEqualTo(ReportState.PENDING_CITY);
        assertThat(r.versionNo()).isEqualTo(3);
        assertThat(r.hasWarnings()).isFalse();
        assertThat(view.timeline.getChildren().count()).isEqualTo(5); // submitted, withdrawn, submitted, returned, resubmitted
    }

    @Test
    void homePanelShowsPeriodCountdownAndState() {
        period("2026-02", periods);
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        KaribuSpring.setup(ctx);
        chinese();
        UI.getCurrent().navigate("report/history"); // the root view was built before the locale was set
        UI.getCurrent().navigate("");
        Div panel = (Div) _get(com.vaadin.flow.component.Component.class, s -> s.withId("report-home-panel"));
        assertThat(panel.getElement().getTextRecursively()).contains("2026-02").contains("未填报");
        // 2026-03-05 10:00 → deadline 2026-03-11 00:00: 5 days 14 hours
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("report-home-countdown")).getText())
                .contains("5 天 14 小时");
    }
}
