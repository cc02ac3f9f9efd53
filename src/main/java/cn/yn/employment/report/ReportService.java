package cn.yn.employment.report;

import static cn.yn.employment.common.Texts.nz;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.review.ReviewContract;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.period.PeriodService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report (月报): drafting, validation, submission into the {@value #PROCESS_KEY} process, withdrawal,
 * correction, history and versions. Every method checks role and scope first: an enterprise user only its own
 * enterprise; a city reviewer (or city leader) its city; province users everything.
 *
 * <p>State changes after submission are written by the process listeners ({@code reportTaskListener},
 * {@code reportAcceptDelegate}, {@code reportWithdrawnDelegate}) in the engine's transaction.
 */
@Service
public class ReportService {

    /** Process definition key of processes/report-review.bpmn20.xml. */
    public static final String PROCESS_KEY = "reportReview";
    /** Value of the {@code kind} process variable and of {@code SubjectDetailsProvider.kind()}. */
    public static final String KIND = "REPORT";
    /** Message that withdraws a submission while the city review has not started. */
    public static final String WITHDRAW_MESSAGE = "reportWithdraw";
    public static final String TASK_CITY = "cityReview";
    public static final String TASK_PROVINCE = "provinceReview";
    public static final String TASK_REVISE = "enterpriseRevise";

    private static final List<Role> READERS = List.of(Role.ENTERPRISE, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER, Role.LEADER);

    private final ReportStore store;
    private final PeriodService periods;
    private final ParameterService parameters;
    private final CodeService codes;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ObjectMapper json;
    private final ReportMetrics metrics;

    ReportService(ReportStore store, PeriodService periods, ParameterService parameters, CodeService codes,
                  CurrentUserProvider currentUser, AuditLog audit, Clock clock, RuntimeService runtime, TaskService tasks,
                  ReportMetrics metrics) {
        this.store = store;
        this.periods = periods;
        this.parameters = parameters;
        this.codes = codes;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.runtime = runtime;
        this.tasks = tasks;
        this.json = new ObjectMapper();
        this.metrics = metrics;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** The enterprise's report for a period: the existing one, or a new draft (baseline from the filing, previous = last accepted). */
    @Transactional
    public ReportView draftFor(long enterpriseId, String periodCode) {
        CurrentUser me = requireOwnEnterprise(enterpriseId);
        periods.require(periodCode);
        Optional<ReportView> existing = store.find(enterpriseId, periodCode);
        if (existing.isPresent()) {
            return existing.get();
        }
        ReportStore.Enterprise e = store.enterprise(enterpriseId).orElseThrow(() -> new NotFoundException("report.enterprise.notFound"));
        if (!e.filed() || e.baselineHeadcount() == null) {
            throw new DomainException("report.submit.notFiled");
        }
        Integer previous = store.previousAccepted(enterpriseId, periodCode).orElse(null);
        long id = store.insertDraft(e, periodCode, e.baselineHeadcount(), previous, clock.instant());
        audit.record("REPORT_DRAFT_CREATED", "report", Long.toString(id), null,
                Map.of("enterpriseId", enterpriseId, "period", periodCode, "by", me.username()));
        return store.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<ReportView> find(long enterpriseId, String periodCode) {
        CurrentUser me = Access.requireAny(currentUser.require(), READERS.toArray(Role[]::new));
        Optional<ReportView> r = store.find(enterpriseId, periodCode);
        if (r.isPresent()) {
            Access.requireEnterprise(me, r.get().enterpriseId(), r.get().cityCode());
        } else {
            requireEnterpriseScope(me, enterpriseId);
        }
        return r;
    }

    @Transactional(readOnly = true)
    public ReportView get(long reportId) {
        return readable(reportId);
    }

    /** All periods' reports of an enterprise, newest first. */
    @Transactional(readOnly = true)
    public List<ReportView> history(long enterpriseId) {
        CurrentUser me = Access.requireAny(currentUser.require(), READERS.toArray(Role[]::new));
        requireEnterpriseScope(me, enterpriseId);
        return store.byEnterprise(enterpriseId);
    }

    @Transactional(readOnly = true)
    public List<ReportVersionView> versions(long reportId) {
        readable(reportId);
        return store.versions(reportId).stream().map(this::toVersion).toList();
    }

    /** The timeline: submissions, returns with their reasons, approvals, withdrawals, corrections. */
    @Transactional(readOnly = true)
    public List<ReportEvent> events(long reportId) {
        readable(reportId);
        return store.events(reportId);
    }

    /** The enterprise home panel's facts for the current period. */
    @Transactional(readOnly = true)
    public ReportHome home(long enterpriseId) {
        CurrentUser me = Access.requireAny(currentUser.require(), READERS.toArray(Role[]::new));
        requireEnterpriseScope(me, enterpriseId);
        ReportStore.Enterprise e = store.enterprise(enterpriseId).orElseThrow(() -> new NotFoundException("report.enterprise.notFound"));
        Optional<cn.yn.employment.period.SurveyPeriod> p = periods.current();
        if (p.isEmpty()) {
            return new ReportHome(p, null, Optional.empty(), e.filed(), false);
        }
        String code = p.get().code();
        return new ReportHome(p, periods.windowFor(code, e.cityCode()), store.find(enterpriseId, code), e.filed(),
                e.filed() && periods.canSubmit(code, e.cityCode(), enterpriseId, clock.instant()));
    }

    /** Whether the enterprise may withdraw now: submitted, the city has neither claimed nor acted, and the window is still open. */
    @Transactional(readOnly = true)
    public boolean canWithdraw(long reportId) {
        ReportView r = readable(reportId);
        return withdrawRefusal(r) == null;
    }

    // --- editing -----------------------------------------------------------------------------------------------

    /** Saves the figures without validating them (a draft survives logout). Only while the report is editable. */
    @Transactional
    public ReportView saveDraft(long reportId, ReportForm form) {
        ReportView r = editable(reportId);
        ReportForm f = normalise(checkedText(form, null), r.baselineHeadcount());
        List<FieldError> shape = new ArrayList<>();
        // even a draft must fit the columns
        ReportValidator.Thresholds t = thresholds();
        validator(t).validate(f, r.baselineHeadcount(), null, List.of()).errors().stream()
                .filter(fe -> fe.messageKey().equals("report.error.range") || fe.messageKey().equals("report.error.tooLong")
                        || fe.messageKey().equals("report.error.code"))
                .forEach(shape::add);
        if (!shape.isEmpty()) {
            throw new DomainException("report.save.invalid", shape);
        }
        Integer previous = store.previousAccepted(r.enterpriseId(), r.periodCode()).orElse(null);
        store.updateForm(reportId, f, labels(f), previous, clock.instant());
        audit.record("REPORT_DRAFT_SAVED", "report", Long.toString(reportId), snapshotOf(r.form()), snapshotOf(f));
        return store.find(reportId).orElseThrow();
    }

    /** Hard errors and soft warnings for these figures, without saving. */
    @Transactional(readOnly = true)
    public ValidationResult validate(long reportId, ReportForm form) {
        ReportView r = readable(reportId);
        ReportForm f = normalise(checkedText(form, null), r.baselineHeadcount());
        return validateNormalised(r, f);
    }

    /**
     * Submits (or resubmits after a return/correction). Hard errors → {@link DomainException} with field errors;
     * soft warnings need a non-blank explanation (field {@code explanation}). A first submission needs the window
     * open for the enterprise's city (or a late-filing grant) and a filed enterprise. Writes an immutable version
     * and starts the review process, or completes the enterprise's revise task. Submitting again the same figures
     * while already in review returns the report unchanged (no second process instance).
     */
    @Transactional
    public ReportView submit(long reportId, ReportForm form, String explanation) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.ENTERPRISE);
        ReportView r = store.lock(reportId).filter(v -> isOwn(me, v.enterpriseId())).orElseThrow(ReportService::notFound);
        ReportForm f = normalise(checkedText(form, explanation), r.baselineHeadcount());
        explanation = TextInput.checked("explanation", explanation);
        String why = explanation == null || explanation.isBlank() ? null : explanation.trim();
        if (r.state().inReview() && f.equals(normalise(r.form(), r.baselineHeadcount()))) {
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
            r = store.find(reportId).orElseThrow();
        }
        ValidationResult v = validateNormalised(r, f);
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
        ReportStore.Labels labels = labels(f);
        store.updateForm(reportId, f, labels, previous, now);
        int versionNo = r.versionNo() + 1;
        store.markSubmitted(reportId, versionNo, v.warningCodes(), why, now);
        Map<String, Object> snapshot = snapshotOf(f);
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

        Map<String, Object> vars = processVariables(store.find(reportId).orElseThrow(), e, v.hasWarnings());
        if (resubmission) {
            Task revise = reviseTask(r).orElseThrow(() -> new DomainException("report.submit.noReviseTask"));
            runtime.setVariables(revise.getProcessInstanceId(), vars);
            tasks.complete(revise.getId());
        } else {
            vars.put("correction", false);
            String pid = runtime.startProcessInstanceByKey(PROCESS_KEY, KIND + ":" + reportId, vars).getId();
            store.setProcessInstance(reportId, pid);
        }
        metrics.submitted(resubmission);
        return store.find(reportId).orElseThrow();
    }

    /**
     * Withdraws (撤回) a submission the city has not started: state PENDING_CITY, the city task unclaimed, no
     * reviewer action since the enterprise submitted, and the window still open for it (so it can submit again).
     * The report goes back to DRAFT; the process instance ends through its withdraw message boundary event.
     */
    @Transactional
    public ReportView withdraw(long reportId) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.ENTERPRISE);
        ReportView r = store.lock(reportId).filter(v -> isOwn(me, v.enterpriseId())).orElseThrow(ReportService::notFound);
        String refusal = withdrawRefusal(r);
        if (refusal != null) {
            throw new DomainException(refusal);
        }
        Execution ex = runtime.createExecutionQuery().processInstanceId(r.processInstanceId())
                .messageEventSubscriptionName(WITHDRAW_MESSAGE).singleResult();
        if (ex == null) {
            throw new DomainException("report.withdraw.started");
        }
        // Take the city task first: a reviewer claiming it at the same instant updates the same engine row (with its
        // revision check), so exactly one of the two goes through. Without this both succeeded (RaceScenariosTest).
        Task city = tasks.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(TASK_CITY).singleResult();
        try {
            tasks.claim(city.getId(), "enterprise:" + r.enterpriseId());
        } catch (FlowableOptimisticLockingException | FlowableTaskAlreadyClaimedException | FlowableObjectNotFoundException e) {
            throw new DomainException("report.withdraw.started");
        }
        runtime.messageEventReceived(WITHDRAW_MESSAGE, ex.getId());
        return store.find(reportId).orElseThrow();
    }

    /**
     * 更正: the province reopens an accepted report for correction. The enterprise gets a revise task with the
     * reason; its resubmission runs through city and province review again. Layoff warnings are recomputed on the
     * new acceptance.
     */
    @Transactional
    public ReportView correct(long reportId, String reason) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        if (!me.scope().isProvince()) {
            throw new AccessDeniedException("province scope required");
        }
        ReportView r = store.lock(reportId).orElseThrow(ReportService::notFound);
        reason = TextInput.checked("reason", reason);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("report.correct.invalid", List.of(new FieldError("reason", "report.error.reasonRequired")));
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
        String pid = runtime.startProcessInstanceByKey(PROCESS_KEY, KIND + ":" + reportId, vars).getId();
        store.setProcessInstance(reportId, pid);
        return store.find(reportId).orElseThrow();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String withdrawRefusal(ReportView r) {
        if (r.state() != ReportState.PENDING_CITY || r.processInstanceId() == null) {
            return "report.withdraw.notPending";
        }
        Task city = tasks.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(TASK_CITY).singleResult();
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

    private Optional<Task> reviseTask(ReportView r) {
        if (r.processInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(r.processInstanceId())
                .taskDefinitionKey(TASK_REVISE).singleResult());
    }

    private Map<String, Object> processVariables(ReportView r, ReportStore.Enterprise e, boolean hasWarnings) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(ReviewContract.KIND, KIND);
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

    private ValidationResult validateNormalised(ReportView r, ReportForm f) {
        ReportValidator.Thresholds t = thresholds();
        Integer previous = store.previousAccepted(r.enterpriseId(), r.periodCode()).orElse(null);
        List<String> earlier = new ArrayList<>();
        YearMonth ym = YearMonth.parse(r.periodCode());
        for (int i = 1; i < t.unchangedPeriods(); i++) {
            earlier.add(ym.minusMonths(i).toString());
        }
        Map<String, Integer> accepted = store.acceptedHeadcounts(r.enterpriseId(), earlier);
        List<Integer> run = new ArrayList<>();
        for (String code : earlier) {
            Integer h = accepted.get(code);
            if (h == null) {
                break;
            }
            run.add(h);
        }
        return validator(t).validate(f, r.baselineHeadcount(), previous, run);
    }

    private ReportValidator.Thresholds thresholds() {
        return new ReportValidator.Thresholds(parameters.getInt(Parameter.SOFT_CHANGE_RATE_PERCENT),
                parameters.getDecimal(Parameter.SOFT_BASELINE_MULTIPLE), parameters.getInt(Parameter.SOFT_UNCHANGED_PERIODS));
    }

    private ReportValidator validator(ReportValidator.Thresholds t) {
        return new ReportValidator(
                codes.current(CodeType.REDUCTION_TYPE).stream().map(Code::code).collect(Collectors.toSet()),
                codes.current(CodeType.REDUCTION_REASON).stream().map(Code::code).collect(Collectors.toSet()), t);
    }

    private ReportStore.Labels labels(ReportForm f) {
        return new ReportStore.Labels(label(CodeType.REDUCTION_TYPE, f.reductionType()), label(CodeType.REDUCTION_REASON, f.reason1Code()),
                label(CodeType.REDUCTION_REASON, f.reason2Code()), label(CodeType.REDUCTION_REASON, f.reason3Code()));
    }

    private String label(CodeType type, String code) {
        if (code == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(TimeConfig.ZONE));
        return codes.findOn(type, code, today).map(Code::name).orElse(null);
    }

    /** The form's and the explanation's texts through the edge's text gate; all refused fields reported at once. */
    private static ReportForm checkedText(ReportForm f, String explanation) {
        TextInput in = new TextInput();
        ReportForm t = f == null ? null : f.checkedText(in);
        in.text("explanation", explanation);
        in.throwIfInvalid();
        return t;
    }

    /** Trims texts, turns blanks into null, and drops the reduction fields when the headcount did not fall below the baseline. */
    static ReportForm normalise(ReportForm f, int baseline) {
        if (f == null) {
            return ReportForm.empty();
        }
        ReportForm t = new ReportForm(f.headcount(), f.hired(), f.separated(), f.dispatched(), clean(f.reductionType()),
                clean(f.reason1Code()), clean(f.reason1Note()), clean(f.reason2Code()), clean(f.reason2Note()),
                clean(f.reason3Code()), clean(f.reason3Note()), clean(f.otherNote()));
        if (t.headcount() != null && t.headcount() >= baseline) {
            t = t.withReduction(null, null, null, null, null, null, null);
        }
        return t;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }


    static Map<String, Object> snapshotOf(ReportForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("headcount", f.headcount());
        m.put("hired", f.hired());
        m.put("separated", f.separated());
        m.put("dispatched", f.dispatched());
        m.put("reductionType", f.reductionType());
        m.put("reason1Code", f.reason1Code());
        m.put("reason1Note", f.reason1Note());
        m.put("reason2Code", f.reason2Code());
        m.put("reason2Note", f.reason2Note());
        m.put("reason3Code", f.reason3Code());
        m.put("reason3Note", f.reason3Note());
        m.put("otherNote", f.otherNote());
        return m;
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private ReportVersionView toVersion(ReportStore.VersionRow row) {
        try {
            Map<String, Object> m = json.readValue(row.json(), Map.class);
            ReportForm f = new ReportForm(num(m.get("headcount")), num(m.get("hired")), num(m.get("separated")),
                    num(m.get("dispatched")), (String) m.get("reductionType"), (String) m.get("reason1Code"),
                    (String) m.get("reason1Note"), (String) m.get("reason2Code"), (String) m.get("reason2Note"),
                    (String) m.get("reason3Code"), (String) m.get("reason3Note"), (String) m.get("otherNote"));
            Map<String, Object> labels = (Map<String, Object>) m.getOrDefault("labels", Map.of());
            return new ReportVersionView(row.reportId(), row.versionNo(), row.submittedAt(), row.submittedBy(), f,
                    blankToNull(labels.get("reductionType")), blankToNull(labels.get("reason1")),
                    blankToNull(labels.get("reason2")), blankToNull(labels.get("reason3")),
                    Objects.requireNonNullElse(num(m.get("baselineHeadcount")), 0), num(m.get("previousHeadcount")),
                    (List<String>) m.getOrDefault("warningCodes", List.of()), (String) m.get("warningExplanation"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString();
    }

    private static Integer num(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private ReportView readable(long reportId) {
        CurrentUser me = Access.requireAny(currentUser.require(), READERS.toArray(Role[]::new));
        return store.find(reportId).filter(r -> Access.coversEnterprise(me, r.enterpriseId(), r.cityCode()))
                .orElseThrow(ReportService::notFound);
    }

    private ReportView editable(long reportId) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.ENTERPRISE);
        ReportView r = store.lock(reportId).filter(v -> isOwn(me, v.enterpriseId())).orElseThrow(ReportService::notFound);
        if (!r.state().editable()) {
            throw new DomainException("report.save.notEditable");
        }
        return r;
    }

    private CurrentUser requireOwnEnterprise(long enterpriseId) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.ENTERPRISE);
        requireOwn(me, enterpriseId);
        return me;
    }

    private static void requireOwn(CurrentUser me, long enterpriseId) {
        if (!isOwn(me, enterpriseId)) {
            throw new AccessDeniedException("not your enterprise");
        }
    }

    private static boolean isOwn(CurrentUser me, long enterpriseId) {
        return me.scope().type() == ScopeType.ENTERPRISE && me.scope().enterpriseId() == enterpriseId;
    }

    /** A report id that does not exist and one outside the caller's scope get this same answer. */
    private static NotFoundException notFound() {
        return new NotFoundException("report.notFound");
    }

    private void requireEnterpriseScope(CurrentUser me, long enterpriseId) {
        if (me.scope().type() == ScopeType.ENTERPRISE) {
            requireOwn(me, enterpriseId);
            return;
        }
        String city = store.enterprise(enterpriseId).map(ReportStore.Enterprise::cityCode).orElse(null);
        if (city == null) {
            if (!me.scope().isProvince()) {
                throw new AccessDeniedException("outside your scope");
            }
            return;
        }
        Access.requireCity(me, city);
    }
}
