package cn.yn.employment.report;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.ScopeType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read or change a report, in one place for {@link ReportService} and {@link ReportSubmission}: an enterprise
 * user only its own enterprise's; a city reviewer (or city leader) its city's; province users every one. A report
 * that does not exist and one outside the caller's scope get the same "not found".
 */
@Component
class ReportAccess {

    private static final Role[] READERS = {Role.ENTERPRISE, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER, Role.LEADER};

    private final ReportStore store;
    private final CurrentUserProvider currentUser;

    ReportAccess(ReportStore store, CurrentUserProvider currentUser) {
        this.store = store;
        this.currentUser = currentUser;
    }

    /** A user with one of the reading roles. */
    CurrentUser reader() {
        return Access.requireAny(currentUser.require(), READERS);
    }

    CurrentUser enterpriseUser() {
        return Access.requireAny(currentUser.require(), Role.ENTERPRISE);
    }

    ReportView readable(long reportId) {
        CurrentUser me = reader();
        return store.find(reportId).filter(r -> Access.coversEnterprise(me, r.enterpriseId(), r.cityCode()))
                .orElseThrow(ReportAccess::notFound);
    }

    /** The caller's own report, locked for the change. */
    ReportView lockOwn(CurrentUser me, long reportId) {
        return store.lock(reportId).filter(v -> isOwn(me, v.enterpriseId())).orElseThrow(ReportAccess::notFound);
    }

    ReportView editable(long reportId) {
        ReportView r = lockOwn(enterpriseUser(), reportId);
        if (!r.state().editable()) {
            throw new DomainException("report.save.notEditable");
        }
        return r;
    }

    CurrentUser requireOwnEnterprise(long enterpriseId) {
        CurrentUser me = enterpriseUser();
        requireOwn(me, enterpriseId);
        return me;
    }

    void requireEnterpriseScope(CurrentUser me, long enterpriseId) {
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

    private static void requireOwn(CurrentUser me, long enterpriseId) {
        if (!isOwn(me, enterpriseId)) {
            throw new AccessDeniedException("not your enterprise");
        }
    }

    private static boolean isOwn(CurrentUser me, long enterpriseId) {
        return me.scope().type() == ScopeType.ENTERPRISE && me.scope().enterpriseId() == enterpriseId;
    }

    /** A report id that does not exist and one outside the caller's scope get this same answer. */
    static NotFoundException notFound() {
        return new NotFoundException("report.notFound");
    }
}
