package cn.yn.employment.report;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.SurveyPeriod;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report (月报): the module's entry point. Drafting, validation, history and versions are here;
 * submission into the {@value #PROCESS_KEY} process, withdrawal and correction are {@link ReportSubmission}'s; who may
 * do what is {@link ReportAccess}'s (an enterprise user only its own enterprise; a city reviewer or city leader its
 * city; province users everything); the figures' checks are {@link ReportFigures}'.
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

    private final ReportStore store;
    private final ReportAccess access;
    private final ReportFigures figures;
    private final ReportSubmission submission;
    private final PeriodService periods;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    ReportService(ReportStore store, ReportAccess access, ReportFigures figures, ReportSubmission submission,
                  PeriodService periods, AuditLog audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.figures = figures;
        this.submission = submission;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** The enterprise's report for a period: the existing one, or a new draft (baseline from the filing, previous = last accepted). */
    @Transactional
    public ReportView draftFor(long enterpriseId, String periodCode) {
        CurrentUser me = access.requireOwnEnterprise(enterpriseId);
        periods.require(periodCode);
        Optional<ReportView> existing = store.find(enterpriseId, periodCode);
        if (existing.isPresent()) {
            return existing.get();
        }
        ReportStore.Enterprise e = enterprise(enterpriseId);
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
        CurrentUser me = access.reader();
        Optional<ReportView> r = store.find(enterpriseId, periodCode);
        if (r.isPresent()) {
            Access.requireEnterprise(me, r.get().enterpriseId(), r.get().cityCode());
        } else {
            access.requireEnterpriseScope(me, enterpriseId);
        }
        return r;
    }

    @Transactional(readOnly = true)
    public ReportView get(long reportId) {
        return access.readable(reportId);
    }

    /** All periods' reports of an enterprise, newest first. */
    @Transactional(readOnly = true)
    public List<ReportView> history(long enterpriseId) {
        access.requireEnterpriseScope(access.reader(), enterpriseId);
        return store.byEnterprise(enterpriseId);
    }

    @Transactional(readOnly = true)
    public List<ReportVersionView> versions(long reportId) {
        access.readable(reportId);
        return store.versions(reportId).stream().map(this::toVersion).toList();
    }

    /** The timeline: submissions, returns with their reasons, approvals, withdrawals, corrections. */
    @Transactional(readOnly = true)
    public List<ReportEvent> events(long reportId) {
        access.readable(reportId);
        return store.events(reportId);
    }

    /** The enterprise home panel's facts for the current period. */
    @Transactional(readOnly = true)
    public ReportHome home(long enterpriseId) {
        access.requireEnterpriseScope(access.reader(), enterpriseId);
        ReportStore.Enterprise e = enterprise(enterpriseId);
        Optional<SurveyPeriod> p = periods.current();
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
        return submission.withdrawRefusal(access.readable(reportId)) == null;
    }

    // --- editing -----------------------------------------------------------------------------------------------

    /** Saves the figures without validating them (a draft survives logout). Only while the report is editable. */
    @Transactional
    public ReportView saveDraft(long reportId, ReportForm form) {
        ReportView r = access.editable(reportId);
        ReportForm f = ReportFigures.checked(form, null, r.baselineHeadcount());
        List<FieldError> shape = figures.shapeErrors(f, r.baselineHeadcount()); // even a draft must fit the columns
        if (!shape.isEmpty()) {
            throw new DomainException("report.save.invalid", shape);
        }
        Integer previous = store.previousAccepted(r.enterpriseId(), r.periodCode()).orElse(null);
        store.updateForm(reportId, f, figures.labels(f), previous, clock.instant());
        audit.record("REPORT_DRAFT_SAVED", "report", Long.toString(reportId), ReportFigures.snapshotOf(r.form()),
                ReportFigures.snapshotOf(f));
        return store.find(reportId).orElseThrow();
    }

    /** Hard errors and soft warnings for these figures, without saving. */
    @Transactional(readOnly = true)
    public ValidationResult validate(long reportId, ReportForm form) {
        ReportView r = access.readable(reportId);
        return figures.validate(r, ReportFigures.checked(form, null, r.baselineHeadcount()));
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
        return submission.submit(reportId, form, explanation);
    }

    /**
     * Withdraws (撤回) a submission the city has not started: state PENDING_CITY, the city task unclaimed, no
     * reviewer action since the enterprise submitted, and the window still open for it (so it can submit again).
     * The report goes back to DRAFT; the process instance ends through its withdraw message boundary event.
     */
    @Transactional
    public ReportView withdraw(long reportId) {
        return submission.withdraw(reportId);
    }

    /**
     * 更正: the province reopens an accepted report for correction. The enterprise gets a revise task with the
     * reason; its resubmission runs through city and province review again. Layoff warnings are recomputed on the
     * new acceptance.
     */
    @Transactional
    public ReportView correct(long reportId, String reason) {
        return submission.correct(reportId, reason);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ReportStore.Enterprise enterprise(long enterpriseId) {
        return store.enterprise(enterpriseId).orElseThrow(() -> new NotFoundException("report.enterprise.notFound"));
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
}
