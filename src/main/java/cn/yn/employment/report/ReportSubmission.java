package cn.yn.employment.report;

import static cn.yn.employment.common.Texts.nz;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.review.ReviewContract;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A report's way into and through the {@value ReportService#PROCESS_KEY} process: submission (first or after a return),
 * withdrawal (撤回) while the city has not started, and the province's correction (更正). Runs inside
 * {@link ReportService}'s transaction; the state changes after that are written by the process listeners.
 */
@Component
class ReportSubmission {

    /** Longest correction reason: report.return_reason and report_event.comment are varchar(1000). */
    static final int MAX_REASON = 1000;

    private final ReportStore store;
    private final ReportAccess access;
    private final ReportFigures figures;
    private final PeriodService periods;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ReportMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();

    ReportSubmission(ReportStore store, ReportAccess access, ReportFigures figures, PeriodService periods,
                     CurrentUserProvider currentUser, AuditLog audit, Clock clock, RuntimeService runtime, TaskService tasks,
                     ReportMetrics metrics) {
        this.store = store;
        this.access = access;
        this.figures = figures;
        this.periods = periods;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.runtime = runtime;
        this.tasks = tasks;
        this.metrics = metrics;
    }

    /** See {@link ReportService#submit}. */
    ReportView submit(long reportId, ReportForm form, String explanation) {
        CurrentUser me = access.enterpriseUser();
        ReportView r = access.lockOwn(me, reportId);
        ReportForm f = ReportFigures.checked(form, explanation, r.baselineHeadcount());
        explanation = TextInput.checked("explanation", explanation);
        String why = explanation == null || explanation.isBlank() ? null : explanation.trim();
        if (r.state().inReview() && f.equals(ReportFigures.normalise(r.form(), r.baselineHeadcount()))) {
            return r; // a double submit: already in review with these figures
        }
        if (!r.state().editable()) {
            throw new DomainException("report.submit.notEditable");
        }
        ReportStore.Enterprise e = store.enterprise(r.enterpriseId()).orElseThrow(() -> new NotFoundException("report.enterprise.notFound"));
        if (!e.filed()) {
            throw new DomainException("report.submit.notFiled");
        }
        boolean resubmission = r.state() == ReportState.RETURNED;
        Instant now = clock.instant();
        if (!resubmission && !periods.canSubmit(r.periodCode(), e.cityCode(), e.id(), now)) {
            throw new DomainException("report.submit.windowClosed", r.periodCode());
        }
        if (!resubmission) {
            store.updateFiling(reportId, e, e.baselineHeadcount() == null ? r.baselineHeadcount() : e.baselineHeadcount());
            r = store.find(reportId).orElseThrow(); // region, industry and baseline as filed now
        }
        ValidationResult v = figures.validate(r, f);
        if (v.hasErrors()) {
            throw new DomainException("report.submit.invalid", v.errors());
        }
        if (v.hasWarnings() && why == null) {
            throw new DomainException("report.submit.explanationRequired",
                    List.of(new FieldError("explanation", "report.error.explanationRequired")));
        }
        if (why != null && why.length() > 1000) {
            throw new DomainException("report.submit.invalid", List.of(new FieldError("explanation", "report.error.tooLong", 1000)));
        }
        Integer previous = store.previousAccepted(r.enterpriseId(), r.periodCode()).orElse(null);
        ReportStore.Labels labels = figures.labels(f);
        store.updateForm(reportId, f, labels, previous, now);
        int versionNo = r.versionNo() + 1;
        store.markSubmitted(reportId, versionNo, v.warningCodes(), why, now);
        Map<String, Object> snapshot = ReportFigures.snapshotOf(f);
        snapshot.put("labels", Map.of("reductionType", nz(labels.type()), "reason1", nz(labels.reason1()),
                "reason2", nz(labels.reason2()), "reason3", nz(labels.reason3())));
        snapshot.put("baselineHeadcount", r.baselineHeadcount());
        snapshot.put("previousHeadcount", previous);
        snapshot.put("warningCodes", v.warningCodes());
        snapshot.put("warningExplanation", v.hasWarnings() ? why : null);
        store.insertVersion(reportId, versionNo, toJson(snapshot), now, me.username());
        store.insertEvent(reportId, versionNo, now, me.username(), resubmission ? "RESUBMITTED" : "SUBMITTED",
                v.hasWarnings() ? why : null);
        audit.record(resubmission ? "REPORT_RESUBMITTED" : "REPORT_SUBMITTED", "report", Long.toString(reportId),
                Map.of("state", r.state().name(), "version", r.versionNo()),
                Map.of("version", versionNo, "headcount", f.headcount(), "warnings", v.warningCodes()));

        // the writes above change figures and version only: r still has the region and period the variables carry
        Map<String, Object> vars = processVariables(r, e, v.hasWarnings());
        if (resubmission) {
            Task revise = reviseTask(r).orElseThrow(() -> new DomainException("report.submit.noReviseTask"));
            runtime.setVariables(revise.getProcessInstanceId(), vars);
            tasks.complete(revise.getId());
        } else {
            vars.put("correction", false);
            String pid = runtime.startProcessInstanceByKey(ReportService.PROCESS_KEY, ReportService.KIND + ":" + reportId, vars).getId();
            store.setProcessInstance(reportId, pid);
        }
        metrics.submitted(resubmission);
        return store.find(reportId).orElseThrow(); // as the chain's listeners left it
    }

    /** See {@link ReportService#withdraw}. */
    ReportView withdraw(long reportId) {
        ReportView r = access.lockOwn(access.enterpriseUser(), reportId);
        String refusal = withdrawRefusal(r);
        if (refusal != null) {
            throw new DomainException(refusal);
        }
        Execution ex = runtime.createExecutionQuery().processInstanceId(r.processInstanceId())
                .messageEventSubscriptionName(ReportService.WITHDRAW_MESSAGE).singleResult();
        if (ex == null) {
            throw new DomainException("report.withdraw.started");
        }
        // Take the city task first: a reviewer claiming it at the same instant updates the same engine row (with its
        // revision check), so exactly one of the two goes through. Without this both succeeded (RaceScenariosTest).
        Task city = cityTask(r);
        try {
            tasks.claim(city.getId(), "enterprise:" + r.enterpriseId());
        } catch (FlowableOptimisticLockingException | FlowableTaskAlreadyClaimedException | FlowableObjectNotFoundException e) {
            throw new DomainException("report.withdraw.started");
        }
        runtime.messageEventReceived(ReportService.WITHDRAW_MESSAGE, ex.getId());
        return store.find(reportId).orElseThrow(); // as the withdraw delegate left it
    }

    /** See {@link ReportService#correct}. */
    ReportView correct(long reportId, String reason) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        if (!me.scope().isProvince()) {
            throw new AccessDeniedException("province scope required");
        }
        ReportView r = store.lock(reportId).orElseThrow(ReportAccess::notFound);
        reason = TextInput.checked("reason", reason);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("report.correct.invalid", List.of(new FieldError("reason", "report.error.reasonRequired")));
        }
        if (reason.trim().length() > MAX_REASON) { // the column's size: longer was a database error, a 500 (S3 corpus)
            throw new DomainException("report.correct.invalid", List.of(new FieldError("reason", "report.error.tooLong", MAX_REASON)));
        }
        if (r.state() != ReportState.ACCEPTED) {
            throw new DomainException("report.correct.notAccepted");
        }
        Instant now = clock.instant();
        String why = reason.trim();
        store.clearLayoffWarning(reportId);
        store.setReturned(reportId, why, "PROVINCE", now);
        store.insertEvent(reportId, r.versionNo(), now, me.username(), "CORRECTION_OPENED", why);
        audit.record("REPORT_CORRECTION_OPENED", "report", Long.toString(reportId), Map.of("state", r.state().name()),
                Map.of("reason", why));
        ReportStore.Enterprise e = store.enterprise(r.enterpriseId()).orElseThrow();
        Map<String, Object> vars = processVariables(r, e, r.hasWarnings());
        vars.put("correction", true);
        vars.put("correctionReason", why);
        String pid = runtime.startProcessInstanceByKey(ReportService.PROCESS_KEY, ReportService.KIND + ":" + reportId, vars).getId();
        store.setProcessInstance(reportId, pid);
        return store.find(reportId).orElseThrow(); // as the chain's listeners left it
    }

    /** Why the enterprise may not withdraw now (a message key), or null when it may. */
    String withdrawRefusal(ReportView r) {
        if (r.state() != ReportState.PENDING_CITY || r.processInstanceId() == null) {
            return "report.withdraw.notPending";
        }
        Task city = cityTask(r);
        if (city == null || city.getAssignee() != null) {
            return "report.withdraw.started";
        }
        Optional<ReportEvent> last = store.lastEvent(r.id());
        if (last.isEmpty() || !(last.get().action().equals("SUBMITTED") || last.get().action().equals("RESUBMITTED"))) {
            return "report.withdraw.started";
        }
        if (!periods.canSubmit(r.periodCode(), r.cityCode(), r.enterpriseId(), clock.instant())) {
            return "report.withdraw.windowClosed";
        }
        return null;
    }

    private Task cityTask(ReportView r) {
        return tasks.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(ReportService.TASK_CITY).singleResult();
    }

    private Optional<Task> reviseTask(ReportView r) {
        if (r.processInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(r.processInstanceId())
                .taskDefinitionKey(ReportService.TASK_REVISE).singleResult());
    }

    private Map<String, Object> processVariables(ReportView r, ReportStore.Enterprise e, boolean hasWarnings) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(ReviewContract.KIND, ReportService.KIND);
        vars.put(ReviewContract.SUBJECT_ID, r.id());
        vars.put(ReviewContract.ENTERPRISE_ID, e.id());
        vars.put(ReviewContract.ENTERPRISE_NAME, e.name());
        vars.put(ReviewContract.USCC, e.uscc());
        vars.put(ReviewContract.CITY_CODE, r.cityCode());
        vars.put(ReviewContract.COUNTY_CODE, r.countyCode());
        vars.put(ReviewContract.INDUSTRY_DIVISION, r.industryDivision());
        vars.put(ReviewContract.PERIOD_CODE, r.periodCode());
        vars.put(ReviewContract.HAS_WARNINGS, hasWarnings);
        vars.put(ReviewContract.SUBMITTED_AT, Date.from(clock.instant()));
        return vars;
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
