package cn.yn.employment.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.period.MissingReports;
import cn.yn.employment.period.PeriodService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Every path of processes/report-review.bpmn20.xml through the real engine, as the review module drives it. */
class ReportProcessTest extends ReportTestBase {

    @Autowired
    ReportService reports;
    @Autowired
    MissingReports missingReports;
    @Autowired
    PeriodService periods;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    static final String P = "2026-02";

    @BeforeEach
    void openPeriod() {
        period(P, periods);
    }

    ReportForm fine(int headcount) {
        return ReportForm.empty().withHeadcount(headcount);
    }

    /** A filed enterprise in 530100 with baseline 100 and a submitted report; the user is that enterprise. */
    ReportView submitted(int headcount) {
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        ReportView draft = reports.draftFor(ent, P);
        return reports.submit(draft.id(), fine(headcount), null);
    }

    Task task(ReportView r, String key) {
        return taskService.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(key).singleResult();
    }

    void complete(ReportView r, String key, String decision, String returnTo, String comment) {
        Task t = task(r, key);
        assertThat(t).as("task " + key).isNotNull();
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", decision);
        if (returnTo != null) {
            vars.put("returnTo", returnTo);
        }
        if (comment != null) {
            vars.put("comment", comment);
        }
        taskService.complete(t.getId(), vars);
    }

    ReportView reload(ReportView r) {
        actAs(province());
        return reports.get(r.id());
    }

    @Test
    void approveByCityAndProvinceAccepts() {
        ReportView r = submitted(102);
        assertThat(r.state()).isEqualTo(ReportState.PENDING_CITY);
        assertThat(r.versionNo()).isEqualTo(1);
        Task city = task(r, ReportService.TASK_CITY);
        assertThat(taskService.getIdentityLinksForTask(city.getId())).anyMatch(l -> "city:530100".equals(l.getGroupId()));
        assertThat(city.getDueDate()).isNotNull();
        Map<String, Object> vars = runtime.getVariables(r.processInstanceId());
        assertThat(vars).containsEntry("kind", "REPORT").containsEntry("subjectId", r.id()).containsEntry("cityCode", "530100")
                .containsEntry("countyCode", "530102").containsEntry("industryDivision", "13").containsEntry("periodCode", P)
                .containsEntry("hasWarnings", false).containsKeys("enterpriseId", "enterpriseName", "uscc");

        actAs(city("530100"));
        complete(r, ReportService.TASK_CITY, "APPROVE", null, null);
        assertThat(reload(r).state()).isEqualTo(ReportState.PENDING_PROVINCE);
        assertThat(taskService.getIdentityLinksForTask(task(r, ReportService.TASK_PROVINCE).getId()))
                .anyMatch(l -> "province".equals(l.getGroupId()));

        actAs(province());
        complete(r, ReportService.TASK_PROVINCE, "APPROVE", null, "ok");
        ReportView done = reload(r);
        assertThat(done.state()).isEqualTo(ReportState.ACCEPTED);
        assertThat(done.acceptedAt()).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(r.processInstanceId()).count()).isZero();
        assertThat(reports.events(r.id())).extracting(ReportEvent::action)
                .containsExactly("SUBMITTED", "CITY_APPROVED", "PROVINCE_APPROVED", "ACCEPTED");
        assertThat(reports.versions(r.id())).hasSize(1);
        assertThat(auditCount("REPORT_SUBMITTED", r.id())).isEqualTo(1);
        assertThat(auditCount("REPORT_CITY_APPROVED", r.id())).isEqualTo(1);
        assertThat(auditCount("REPORT_PROVINCE_APPROVED", r.id())).isEqualTo(1);
        assertThat(auditCount("REPORT_STATE_CHANGED", r.id())).isEqualTo(3); // → PENDING_CITY, → PENDING_PROVINCE, → ACCEPTED
    }

    @Test
    void cityReturnThenResubmissionGoesBackToCity() {
        ReportView r = submitted(100);
        actAs(city("530100"));
        assertThatThrownBy(() -> complete(r, ReportService.TASK_CITY, "RETURN", null, " "))
                .isInstanceOf(DomainException.class);
        complete(r, ReportService.TASK_CITY, "RETURN", null, "人数有误");
        ReportView returned = reload(r);
        assertThat(returned.state()).isEqualTo(ReportState.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("人数有误");
        assertThat(returned.returnedBy()).isEqualTo("CITY");
        Task revise = task(r, ReportService.TASK_REVISE);
        assertThat(revise.getAssignee()).isEqualTo("enterprise:" + r.enterpriseId());
        assertThat(auditCount("REPORT_CITY_RETURNED", r.id())).isEqualTo(1);

        actAs(enterpriseUser(r.enterpriseId()));
        ReportView again = reports.submit(r.id(), fine(101), null);
        assertThat(again.state()).isEqualTo(ReportState.PENDING_CITY);
        assertThat(again.processInstanceId()).isEqualTo(r.processInstanceId());
        assertThat(again.versionNo()).isEqualTo(2);
        assertThat(reports.versions(r.id())).extracting(v -> v.form().headcount()).containsExactly(100, 101);
        assertThat(task(r, ReportService.TASK_REVISE)).isNull();
        assertThat(task(r, ReportService.TASK_CITY)).isNotNull();
        assertThat(auditCount("REPORT_RESUBMITTED", r.id())).isEqualTo(1);
        assertThat(reports.events(r.id())).extracting(ReportEvent::action)
                .containsExactly("SUBMITTED", "CITY_RETURNED", "RESUBMITTED");
    }

    @Test
    void provinceReturnsToCityThenToEnterprise() {
        ReportView r = submitted(100);
        actAs(city("530100"));
        complete(r, ReportService.TASK_CITY, "APPROVE", null, null);
        actAs(province());
        complete(r, ReportService.TASK_PROVINCE, "RETURN", "CITY", "请市级复核");
        assertThat(reload(r).state()).isEqualTo(ReportState.PENDING_CITY);
        assertThat(reload(r).returnReason()).isNull();
        assertThat(auditCount("REPORT_PROVINCE_RETURNED_CITY", r.id())).isEqualTo(1);

        actAs(city("530100"));
        complete(r, ReportService.TASK_CITY, "APPROVE", null, null);
        assertThat(reload(r).state()).isEqualTo(ReportState.PENDING_PROVINCE);
        actAs(province());
        complete(r, ReportService.TASK_PROVINCE, "RETURN", "ENTERPRISE", "数据不实");
        ReportView back = reload(r);
        assertThat(back.state()).isEqualTo(ReportState.RETURNED);
        assertThat(back.returnedBy()).isEqualTo("PROVINCE");
        assertThat(back.returnReason()).isEqualTo("数据不实");
        assertThat(task(r, ReportService.TASK_REVISE).getAssignee()).isEqualTo("enterprise:" + r.enterpriseId());
        assertThat(auditCount("REPORT_PROVINCE_RETURNED_ENTERPRISE", r.id())).isEqualTo(1);
        assertThat(reports.events(r.id())).extracting(ReportEvent::action).containsExactly("SUBMITTED", "CITY_APPROVED",
                "PROVINCE_RETURNED_CITY", "CITY_APPROVED", "PROVINCE_RETURNED_ENTERPRISE");
    }

    @Test
    void withdrawWhileCityHasNotStarted() {
        ReportView r = submitted(100);
        ReportView w = reports.withdraw(r.id());
        assertThat(w.state()).isEqualTo(ReportState.DRAFT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(r.processInstanceId()).count()).isZero();
        assertThat(taskService.createTaskQuery().processInstanceId(r.processInstanceId()).count()).isZero();
        assertThat(reports.events(r.id())).extracting(ReportEvent::action).containsExactly("SUBMITTED", "WITHDRAWN");
        assertThat(auditCount("REPORT_STATE_CHANGED", r.id())).isEqualTo(2);

        // submit again: a new instance; once the city claims it, withdrawing is refused
        ReportView again = reports.submit(r.id(), fine(100), null);
        assertThat(again.processInstanceId()).isNotEqualTo(r.processInstanceId());
        assertThat(again.versionNo()).isEqualTo(2);
        taskService.claim(task(again, ReportService.TASK_CITY).getId(), "city530100");
        assertThat(reports.canWithdraw(r.id())).isFalse();
        assertThatThrownBy(() -> reports.withdraw(r.id())).isInstanceOf(DomainException.class)
                .hasMessage("report.withdraw.started");
    }

    @Test
    void correctionReopensAnAcceptedReportAndRecomputesLayoffWarning() {
        // previous period accepted at 100, this one falls to 75 (−25 %: soft warning, layoff level SEVERE)
        long ent = filedEnterprise("530100", "530102", 100);
        period("2026-01", periods);
        jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, state, baseline_headcount, headcount,"
                + " created_at, updated_at) values (?, '2026-01', '530100', '530102', 'ACCEPTED', 100, 100, now(), now())", ent);
        actAs(enterpriseUser(ent));
        ReportView d = reports.draftFor(ent, P);
        assertThat(d.previousHeadcount()).isEqualTo(100);
        ReportForm f = fine(75).withReduction("RT03", "RC04", "订单减少", null, null, null, null);
        assertThatThrownBy(() -> reports.submit(d.id(), f, null)).isInstanceOf(DomainException.class)
                .hasMessage("report.submit.explanationRequired");
        ReportView r = reports.submit(d.id(), f, "订单下滑");
        assertThat(r.hasWarnings()).isTrue();
        assertThat(r.warningCodes()).containsExactly(SoftWarning.CHANGE_RATE);
        actAs(city("530100"));
        complete(r, ReportService.TASK_CITY, "APPROVE", null, null);
        actAs(province());
        complete(r, ReportService.TASK_PROVINCE, "APPROVE", null, null);
        ReportView accepted = reload(r);
        assertThat(accepted.layoffWarningLevel()).isEqualTo(LayoffRule.SEVERE);
        assertThat(jdbc.queryForObject("select decrease from layoff_warning where report_id = ?", Integer.class, r.id())).isEqualTo(25);

        ReportView reopened = reports.correct(r.id(), "行业代码更正");
        assertThat(reopened.state()).isEqualTo(ReportState.RETURNED);
        assertThat(reopened.returnReason()).isEqualTo("行业代码更正");
        assertThat(reopened.layoffWarningLevel()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from layoff_warning where report_id = ?", Integer.class, r.id())).isZero();
        assertThat(task(reopened, ReportService.TASK_REVISE).getAssignee()).isEqualTo("enterprise:" + ent);
        assertThat(auditCount("REPORT_CORRECTION_OPENED", r.id())).isEqualTo(1);

        // the enterprise corrects (−15 %: no soft warning, layoff level WARNING) and the chain runs again
        actAs(enterpriseUser(ent));
        ReportView fixed = reports.submit(r.id(), fine(85).withReduction("RT03", "RC04", "订单减少", null, null, null, null), null);
        assertThat(fixed.hasWarnings()).isFalse();
        assertThat(fixed.state()).isEqualTo(ReportState.PENDING_CITY);
        assertThat(fixed.versionNo()).isEqualTo(2);
        actAs(city("530100"));
        complete(fixed, ReportService.TASK_CITY, "APPROVE", null, null);
        actAs(province());
        complete(fixed, ReportService.TASK_PROVINCE, "APPROVE", null, null);
        ReportView final_ = reload(r);
        assertThat(final_.state()).isEqualTo(ReportState.ACCEPTED);
        assertThat(final_.layoffWarningLevel()).isEqualTo(LayoffRule.WARNING);
        assertThat(jdbc.queryForObject("select decrease from layoff_warning where report_id = ?", Integer.class, r.id())).isEqualTo(15);
        assertThat(reports.events(r.id())).extracting(ReportEvent::action).containsExactly("SUBMITTED", "CITY_APPROVED",
                "PROVINCE_APPROVED", "ACCEPTED", "CORRECTION_OPENED", "RESUBMITTED", "CITY_APPROVED", "PROVINCE_APPROVED", "ACCEPTED");

        actAs(city("530100"));
        assertThatThrownBy(() -> reports.correct(r.id(), "x")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void doubleSubmitStartsOneInstance() {
        ReportView r = submitted(100);
        ReportView again = reports.submit(r.id(), fine(100), null);
        assertThat(again.processInstanceId()).isEqualTo(r.processInstanceId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("REPORT:" + r.id()).count()).isEqualTo(1);
        assertThat(reports.versions(r.id())).hasSize(1);
        assertThatThrownBy(() -> reports.submit(r.id(), fine(120), null)).isInstanceOf(DomainException.class)
                .hasMessage("report.submit.notEditable");
    }

    @Test
    void submissionRefusedAfterTheDeadlineAndForUnfiledEnterprises() {
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        ReportView d = reports.draftFor(ent, P);
        clock.advance(Duration.ofDays(6)); // 2026-03-11 10:00, window ended at 00:00
        assertThatThrownBy(() -> reports.submit(d.id(), fine(100), null)).isInstanceOf(DomainException.class)
                .hasMessage("report.submit.windowClosed");
        clock.advance(Duration.ofDays(-6));
        jdbc.update("update enterprise set filing_state = 'PENDING_CITY' where id = ?", ent);
        assertThatThrownBy(() -> reports.submit(d.id(), fine(100), null)).isInstanceOf(DomainException.class)
                .hasMessage("report.submit.notFiled");
    }

    @Test
    void hardErrorsAreFieldErrors() {
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        ReportView d = reports.draftFor(ent, P);
        assertThatThrownBy(() -> reports.submit(d.id(), fine(90), null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field)
                        .contains("reductionType", "reason1Code", "reason1Note"));
        assertThat(reports.get(d.id()).state()).isEqualTo(ReportState.DRAFT);
    }

    @Test
    void closingMarksNonReportersMissing() {
        period("2025-12", periods);
        long drafting = filedEnterprise("530100", "530102", 10);
        long silent = filedEnterprise("530100", "530102", 20);
        long filedLate = filedEnterprise("530300", "530302", 30);
        jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, state, baseline_headcount, headcount,"
                + " created_at, updated_at) values (?, '2025-12', '530100', '530102', 'DRAFT', 10, 9, now(), now())", drafting);
        jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, state, baseline_headcount, headcount,"
                + " created_at, updated_at) values (?, '2025-12', '530300', '530302', 'ACCEPTED', 30, 30, now(), now())", filedLate);
        long ownWindowOpen = filedEnterprise("530500", "530502", 40);
        long withGrant = filedEnterprise("530100", "530102", 50);
        // the calendar's answer: the period's window has ended; Baoshan (530500) has its own, still open; one grant
        MissingReports.WindowsEnded ended = new MissingReports.WindowsEnded("2025-12", clock.instant(), true,
                java.util.Set.of("530500"), java.util.Set.of(), java.util.Set.of(withGrant));
        assertThat(missingReports.markMissing(ended)).isGreaterThanOrEqualTo(2);
        assertThat(missingReports.markMissing(ended)).as("idempotent").isZero();
        actAs(province());
        assertThat(reports.find(ownWindowOpen, "2025-12")).isEmpty();
        assertThat(reports.find(withGrant, "2025-12")).isEmpty();
        assertThat(reports.find(drafting, "2025-12").orElseThrow().state()).isEqualTo(ReportState.MISSING);
        assertThat(reports.find(drafting, "2025-12").orElseThrow().headcount()).isEqualTo(9);
        ReportView missing = reports.find(silent, "2025-12").orElseThrow();
        assertThat(missing.state()).isEqualTo(ReportState.MISSING);
        assertThat(missing.baselineHeadcount()).isEqualTo(20);
        assertThat(reports.find(filedLate, "2025-12").orElseThrow().state()).isEqualTo(ReportState.ACCEPTED);
        MissingReports.Restored restored = missingReports.restore("2025-12", clock.instant());
        assertThat(restored.draftsRestored()).isEqualTo(1);
        assertThat(reports.find(drafting, "2025-12").orElseThrow().state()).isEqualTo(ReportState.DRAFT);
        assertThat(reports.find(silent, "2025-12")).isEmpty();
    }

    @Autowired
    ReportDemoData demo;

    @Test
    void demoDataGoesThroughTheRealChain() {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(filedEnterprise("530100", "530102", 50 + i));
        }
        assertThat(demo.populate(ids)).isEqualTo(10);
        assertThat(demo.currentCode()).isEqualTo(P);
        actAs(province());
        Map<ReportState, Long> byState = ids.stream().map(id -> reports.find(id, P).orElseThrow())
                .collect(java.util.stream.Collectors.groupingBy(ReportView::state, java.util.stream.Collectors.counting()));
        assertThat(byState).containsEntry(ReportState.DRAFT, 2L).containsEntry(ReportState.PENDING_CITY, 3L)
                .containsEntry(ReportState.PENDING_PROVINCE, 1L).containsEntry(ReportState.RETURNED, 2L)
                .containsEntry(ReportState.ACCEPTED, 2L);
        ReportView pending = ids.stream().map(id -> reports.find(id, P).orElseThrow())
                .filter(r -> r.state() == ReportState.PENDING_CITY).findFirst().orElseThrow();
        assertThat(task(pending, ReportService.TASK_CITY)).isNotNull();
        assertThat(reports.history(ids.get(0))).hasSizeGreaterThanOrEqualTo(4); // three accepted periods + the current one
        assertThat(demo.populate(ids)).isZero(); // idempotent
    }

    @Test
    void scopeIsEnforced() {
        long a = filedEnterprise("530100", "530102", 100);
        long b = filedEnterprise("530300", "530302", 50);
        actAs(enterpriseUser(b));
        ReportView rb = reports.draftFor(b, P);
        actAs(enterpriseUser(a));
        assertThatThrownBy(() -> reports.get(rb.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.draftFor(b, P)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.history(b)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.saveDraft(rb.id(), fine(1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.submit(rb.id(), fine(1), null)).isInstanceOf(AccessDeniedException.class);
        actAs(city("530100"));
        assertThatThrownBy(() -> reports.get(rb.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.versions(rb.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.history(b)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.submit(rb.id(), fine(1), null)).isInstanceOf(AccessDeniedException.class);
        actAs(city("530300"));
        assertThat(reports.get(rb.id()).enterpriseId()).isEqualTo(b);
        actAs(province());
        assertThat(reports.history(b)).hasSize(1);
        assertThat(List.of(reports.get(rb.id()).state())).containsExactly(ReportState.DRAFT);
    }

    @Test
    void returnsAndAcceptanceReachTheBellOfWhoeverMustAct() {
        long ent = filedEnterprise("532300", "532301", 100);
        long entUser = user("bell-ent-" + ent, "ENTERPRISE", Long.toString(ent), "ENTERPRISE");
        long cityUser = user("bell-city-" + ent, "CITY", "532300", "CITY_REVIEWER");
        long otherCity = user("bell-other-" + ent, "CITY", "530100", "CITY_REVIEWER");
        actAs(enterpriseUser(ent));
        ReportView r = reports.submit(reports.draftFor(ent, P).id(), fine(100), null);

        actAs(city("532300"));
        complete(r, ReportService.TASK_CITY, "RETURN", null, "人数有误");
        assertThat(bell(entUser)).containsExactly("RETURNED|" + P + " 月报被退回，请修改后重新上报|退回原因：人数有误|report/" + P);

        actAs(enterpriseUser(ent));
        reports.submit(r.id(), fine(100), null);
        actAs(city("532300"));
        complete(r, ReportService.TASK_CITY, "APPROVE", null, null);
        actAs(province());
        complete(r, ReportService.TASK_PROVINCE, "RETURN", "CITY", "请市级复核");
        assertThat(bell(cityUser)).singleElement().asString().startsWith("RETURNED|" + P + " 月报被省级退回至市级")
                .contains("请市级复核").endsWith("|review/inbox");
        assertThat(bell(otherCity)).isEmpty();

        actAs(city("532300"));
        complete(r, ReportService.TASK_CITY, "APPROVE", null, null);
        actAs(province());
        complete(r, ReportService.TASK_PROVINCE, "APPROVE", null, null);
        assertThat(reload(r).state()).isEqualTo(ReportState.ACCEPTED);
        assertThat(bell(entUser)).hasSize(2).last().asString().startsWith("APPROVED|" + P + " 月报已审核通过");
    }

    private long user(String username, String scopeType, String scopeCode, String role) {
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        jdbc.update("insert into app_user (username, password_hash, display_name, scope_type, scope_code, created_at, updated_at)"
                + " values (?, 'x', ?, ?, ?, ?, ?)", username, username, scopeType, scopeCode, now, now);
        long id = jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
        jdbc.update("insert into app_user_role (user_id, role) values (?, ?)", id, role);
        return id;
    }

    private List<String> bell(long userId) {
        return jdbc.queryForList("select kind || '|' || title || '|' || body || '|' || link from notification where user_id = ?"
                + " order by id", String.class, userId);
    }
}
