package cn.yn.employment.report;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Puts the outcome of a review decision into the bell of the people who must act on it: the enterprise when its
 * report is returned or accepted, the city reviewers when the province sends a report back to them. Called from
 * the chain's listeners, so the notification is written in the same transaction as the decision.
 */
@Component
class ReportNotifications {

    private static final String REPORT_LINK = "report/";
    private static final String INBOX_LINK = "review/inbox";

    private final NotificationService notifications;

    ReportNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    void returnedToEnterprise(ReportView r, String reason) {
        notifications.notifyKeys(notifications.usersOf(Scope.enterprise(r.enterpriseId()), Role.ENTERPRISE),
                NotificationService.RETURNED, "report.notify.returned.title", "report.notify.returned.body",
                REPORT_LINK + r.periodCode(), r.periodCode(), reason);
    }

    void returnedToCity(ReportView r, String reason) {
        notifications.notifyKeys(notifications.usersOf(Scope.city(r.cityCode()), Role.CITY_REVIEWER),
                NotificationService.RETURNED, "report.notify.returnedToCity.title", "report.notify.returnedToCity.body",
                INBOX_LINK, r.periodCode(), r.enterpriseName(), reason);
    }

    void accepted(ReportView r) {
        notifications.notifyKeys(notifications.usersOf(Scope.enterprise(r.enterpriseId()), Role.ENTERPRISE),
                NotificationService.APPROVED, "report.notify.accepted.title", "report.notify.accepted.body",
                REPORT_LINK + r.periodCode(), r.periodCode());
    }
}
