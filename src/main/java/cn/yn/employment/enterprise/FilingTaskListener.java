package cn.yn.employment.enterprise;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewContract;
import cn.yn.employment.review.ReviewDecision;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Writes the filing request's (and, for a first filing, the enterprise's) state when a task of the
 * enterprise-filing process is created, and checks and audits the reviewer's decision when a review task is
 * completed. Runs inside the engine's transaction, so state and engine never disagree.
 */
@Component("enterpriseFilingTaskListener")
class FilingTaskListener implements TaskListener {

    static final String CITY_REVIEW = "cityReview";
    static final String PROVINCE_REVIEW = "provinceReview";

    private final EnterpriseStore store;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;

    FilingTaskListener(EnterpriseStore store, CurrentUserProvider currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        long requestId = ((Number) task.getVariable(ReviewContract.SUBJECT_ID)).longValue();
        FilingRequestView r = store.findRequest(requestId)
                .orElseThrow(() -> new IllegalStateException("filing request " + requestId + " not found"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, r);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, r);
        }
    }

    private void created(DelegateTask task, FilingRequestView r) {
        switch (task.getTaskDefinitionKey()) {
            case CITY_REVIEW -> {
                ReviewDecision.clearStale(task);
                moveTo(r, RequestState.PENDING_CITY, FilingState.PENDING_CITY);
            }
            case PROVINCE_REVIEW -> {
                ReviewDecision.clearStale(task);
                moveTo(r, RequestState.PENDING_PROVINCE, FilingState.PENDING_PROVINCE);
            }
            case FilingService.REVISE_TASK -> {
                store.setRequestState(r.id(), RequestState.RETURNED, clock.instant());
                if (r.kind() == RequestKind.NEW) {
                    store.setEnterpriseState(r.enterpriseId(), FilingState.RETURNED, clock.instant());
                }
            }
            default -> throw new IllegalStateException("unexpected task " + task.getTaskDefinitionKey());
        }
    }

    private void moveTo(FilingRequestView r, RequestState state, FilingState enterpriseState) {
        store.setRequestState(r.id(), state, clock.instant());
        if (r.kind() == RequestKind.NEW) {
            store.setEnterpriseState(r.enterpriseId(), enterpriseState, clock.instant());
        }
    }

    private void completed(DelegateTask task, FilingRequestView r) {
        boolean city = CITY_REVIEW.equals(task.getTaskDefinitionKey());
        if (!city && !PROVINCE_REVIEW.equals(task.getTaskDefinitionKey())) {
            return;
        }
        ReviewDecision d = ReviewDecision.onComplete(task, !city, currentUser.find());
        boolean approve = d.approved();
        if (!approve) {
            // the reason stays on the request: the enterprise (or, returned to it, the city) reads it there
            store.setReturnReason(r.id(), d.reason(), city ? "CITY" : "PROVINCE", clock.instant());
        }
        String action = "FILING_" + (city ? "CITY_" : "PROVINCE_") + (approve ? "APPROVED" : "RETURNED");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", d.decision().name());
        after.put("state", approve ? (city ? RequestState.PENDING_PROVINCE.name() : RequestState.APPROVED.name())
                : d.returnTo() == ReturnTo.CITY ? RequestState.PENDING_CITY.name() : RequestState.RETURNED.name());
        if (!approve) {
            after.put("returnTo", d.returnTo().name());
        }
        if (d.reason() != null) {
            after.put("comment", d.reason());
        }
        audit.record(action, "enterprise_filing", Long.toString(r.id()), Map.of("state", r.state().name()), after);
    }
}
