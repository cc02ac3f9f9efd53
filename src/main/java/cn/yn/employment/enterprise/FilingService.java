package cn.yn.employment.enterprise;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.review.ReviewContract;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing (备案): the enterprise saves a draft and submits it; the request then travels through the
 * {@value #PROCESS_KEY} process (city review → province confirmation). A filed enterprise's changes go the same
 * way as a CHANGE request; the enterprise row changes only on final approval, and every approved version is
 * kept in {@code enterprise_filing_version}.
 */
@Service
public class FilingService {

    public static final String PROCESS_KEY = "enterprise-filing";
    public static final String KIND = "FILING";
    public static final String REVISE_TASK = "enterpriseRevise";

    private final EnterpriseStore store;
    private final FilingValidator validator;
    private final CodeService codes;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final RuntimeService runtime;
    private final TaskService tasks;

    FilingService(EnterpriseStore store, FilingValidator validator, CodeService codes, CurrentUserProvider currentUser,
                  AuditLog audit, Clock clock, RuntimeService runtime, TaskService tasks) {
        this.store = store;
        this.validator = validator;
        this.codes = codes;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** The enterprise's request not yet approved (draft, under review or returned), if any. */
    @Transactional(readOnly = true)
    public Optional<FilingRequestView> openRequest(long enterpriseId) {
        requireRead(enterpriseId);
        return store.openRequest(enterpriseId);
    }

    /** All requests of an enterprise, newest first. */
    @Transactional(readOnly = true)
    public List<FilingRequestView> requests(long enterpriseId) {
        requireRead(enterpriseId);
        return store.requests(enterpriseId);
    }

    /** Approved filing versions, newest first: the current filing and the history of its changes. */
    @Transactional(readOnly = true)
    public List<FilingVersionView> history(long enterpriseId) {
        requireRead(enterpriseId);
        return store.versions(enterpriseId);
    }

    /**
     * A request with the enterprise's current values, for the reviewer's detail pane: the enterprise's own
     * user, or a reviewer/leader covering the request's or the enterprise's city.
     */
    @Transactional(readOnly = true)
    public FilingReview review(long requestId) {
        CurrentUser me = currentUser.require();
        NotFoundException notFound = new NotFoundException("enterprise.filing.notFound");
        FilingRequestView r = store.findRequest(requestId).orElseThrow(() -> notFound);
        EnterpriseView e = store.findEnterprise(r.enterpriseId()).orElseThrow();
        boolean own = me.scope().enterpriseId() != null && me.scope().enterpriseId() == e.id();
        boolean covers = me.scope().coversCity(e.cityCode()) || (r.cityCode() != null && me.scope().coversCity(r.cityCode()));
        if (!own && !covers) {
            throw notFound; // the same answer as for a request that does not exist
        }
        return new FilingReview(r, e);
    }

    /** Saves the proposed values without submitting. Incomplete values are allowed; malformed ones are not. */
    @Transactional
    public FilingRequestView saveDraft(long enterpriseId, FilingData data, Integer expectedVersion) {
        CurrentUser me = requireOwn(enterpriseId);
        FilingRequestView r = save(enterpriseId, data.checkedText().normalised(), expectedVersion, false);
        audit.record("FILING_DRAFT_SAVED", "enterprise_filing", Long.toString(r.id()), null, snapshot(r.data()));
        return r;
    }

    /**
     * Saves and submits: starts the review process, or, after a return, completes the enterprise's revise task
     * so the request goes back to the city.
     */
    @Transactional
    public FilingRequestView submit(long enterpriseId, FilingData data, Integer expectedVersion) {
        CurrentUser me = requireOwn(enterpriseId);
        FilingData d = data.checkedText().normalised();
        FilingRequestView r = save(enterpriseId, d, expectedVersion, true);
        EnterpriseView e = store.findEnterprise(enterpriseId).orElseThrow();
        if (r.kind() == RequestKind.CHANGE && sameAs(r.data(), e.data())) {
            throw new DomainException("enterprise.filing.noChanges");
        }
        Instant now = clock.instant();
        store.markSubmitted(r.id(), me.username(), now);
        Map<String, Object> vars = processVariables(r);
        if (r.state() == RequestState.DRAFT) {
            vars.put(ReviewContract.KIND, KIND);
            vars.put(ReviewContract.SUBJECT_ID, r.id());
            vars.put(ReviewContract.ENTERPRISE_ID, enterpriseId);
            vars.put(ReviewContract.HAS_WARNINGS, false);
            vars.put("filingKind", r.kind().name());
            var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, "FILING-" + r.id(), vars);
            store.setProcessInstance(r.id(), instance.getId());
            audit.record("FILING_SUBMITTED", "enterprise_filing", Long.toString(r.id()),
                    Map.of("state", RequestState.DRAFT.name()), submittedSnapshot(r));
        } else {
            Task revise = tasks.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(REVISE_TASK)
                    .singleResult();
            if (revise == null) {
                throw new DomainException("enterprise.filing.notEditable");
            }
            runtime.setVariables(r.processInstanceId(), vars);
            tasks.complete(revise.getId());
            audit.record("FILING_RESUBMITTED", "enterprise_filing", Long.toString(r.id()),
                    Map.of("state", RequestState.RETURNED.name(), "returnReason", String.valueOf(r.returnReason())),
                    submittedSnapshot(r));
        }
        return store.findRequest(r.id()).orElseThrow();
    }

    private FilingRequestView save(long enterpriseId, FilingData d, Integer expectedVersion, boolean complete) {
        EnterpriseView e = store.lockEnterprise(enterpriseId).orElseThrow(() -> new DomainException("enterprise.notFound"));
        Optional<FilingRequestView> open = store.openRequest(enterpriseId);
        if (open.isPresent() && !open.get().state().editable()) {
            throw new DomainException("enterprise.filing.notEditable");
        }
        if (open.isPresent() && expectedVersion != null && open.get().version() != expectedVersion) {
            throw new OptimisticLockingFailureException("filing request changed");
        }
        RequestKind kind = open.map(FilingRequestView::kind).orElse(e.filed() ? RequestKind.CHANGE : RequestKind.NEW);
        List<FieldError> errors = new ArrayList<>(validator.validate(d, complete));
        if (d.uscc() != null && !d.uscc().equals(e.uscc())) {
            if (kind == RequestKind.CHANGE) {
                errors.add(new FieldError("uscc", "enterprise.field.uscc.fixed"));
            } else if (Uscc.isValid(d.uscc()) && store.usccTaken(d.uscc(), enterpriseId)) {
                errors.add(new FieldError("uscc", "enterprise.field.uscc.taken"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException("enterprise.form.invalid", errors);
        }
        String orgCode = new Uscc(d.uscc()).organisationCode().value();
        String city = d.countyCode() == null ? null : codes.cityOf(d.countyCode()).orElse(null);
        String section = d.industryDivision() == null ? null : codes.sectionOf(d.industryDivision()).orElse(null);
        Instant now = clock.instant();
        if (open.isEmpty()) {
            long id = store.insertRequest(enterpriseId, kind, d, orgCode, city, section, now);
            return store.findRequest(id).orElseThrow();
        }
        FilingRequestView r = open.get();
        if (!store.updateRequestData(r.id(), r.version(), d, orgCode, city, section, now)) {
            throw new OptimisticLockingFailureException("filing request changed");
        }
        return store.findRequest(r.id()).orElseThrow();
    }

    /** The review contract's variables that change with a (re)submission; kind, subjectId, enterpriseId are set at start. */
    private Map<String, Object> processVariables(FilingRequestView r) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(ReviewContract.ENTERPRISE_NAME, r.data().name());
        vars.put(ReviewContract.USCC, r.data().uscc());
        vars.put(ReviewContract.CITY_CODE, r.cityCode());
        vars.put(ReviewContract.COUNTY_CODE, r.data().countyCode());
        vars.put(ReviewContract.INDUSTRY_DIVISION, r.data().industryDivision());
        vars.put(ReviewContract.SUBMITTED_AT, Date.from(clock.instant()));
        return vars;
    }

    private CurrentUser requireOwn(long enterpriseId) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.ENTERPRISE);
        if (!Objects.equals(me.scope().enterpriseId(), enterpriseId)) {
            throw new AccessDeniedException("not your enterprise");
        }
        return me;
    }

    private void requireRead(long enterpriseId) {
        CurrentUser me = currentUser.require();
        EnterpriseView e = store.findEnterprise(enterpriseId).orElseThrow(() -> new DomainException("enterprise.notFound"));
        Access.requireEnterprise(me, enterpriseId, e.cityCode());
    }

    static boolean sameAs(FilingData a, FilingData b) {
        return a.normalised().equals(b.normalised());
    }

    private Map<String, Object> submittedSnapshot(FilingRequestView r) {
        Map<String, Object> m = snapshot(r.data());
        m.put("state", RequestState.PENDING_CITY.name());
        m.put("kind", r.kind().name());
        return m;
    }

    static Map<String, Object> snapshot(FilingData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", d.uscc());
        m.put("name", d.name());
        m.put("countyCode", d.countyCode());
        m.put("registrationType", d.registrationType());
        m.put("industryDivision", d.industryDivision());
        m.put("businessScope", d.businessScope());
        m.put("contactPerson", d.contactPerson());
        m.put("address", d.address());
        m.put("postcode", d.postcode());
        m.put("phone", d.phone());
        m.put("fax", d.fax());
        m.put("email", d.email());
        m.put("baselineHeadcount", d.baselineHeadcount());
        return m;
    }
}
