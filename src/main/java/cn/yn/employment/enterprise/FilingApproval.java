package cn.yn.employment.enterprise;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The province confirmed: the proposed values become the enterprise's filing, the approved version is
 * appended to the history (earlier versions stay), the request is APPROVED and the enterprise FILED.
 */
@Component("enterpriseFilingApproval")
class FilingApproval implements JavaDelegate {

    private final EnterpriseStore store;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;

    FilingApproval(EnterpriseStore store, CurrentUserProvider currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ((Number) execution.getVariable("subjectId")).longValue();
        FilingRequestView r = store.findRequest(requestId)
                .orElseThrow(() -> new IllegalStateException("filing request " + requestId + " not found"));
        EnterpriseView before = store.lockEnterprise(r.enterpriseId()).orElseThrow();
        Instant now = clock.instant();
        String by = currentUser.find().map(CurrentUser::username).orElse("system");
        store.applyFiling(r.enterpriseId(), r, now, !before.filed());
        int versionNo = store.insertVersion(r, now, by);
        store.markApproved(r.id(), now);
        Map<String, Object> beforeJson = FilingService.snapshot(before.data());
        beforeJson.put("filingState", before.filingState().name());
        Map<String, Object> afterJson = FilingService.snapshot(r.data());
        afterJson.put("filingState", FilingState.FILED.name());
        afterJson.put("versionNo", versionNo);
        afterJson.put("requestId", r.id());
        audit.record("FILING_APPROVED", "enterprise", Long.toString(r.enterpriseId()), beforeJson, afterJson);
    }
}
