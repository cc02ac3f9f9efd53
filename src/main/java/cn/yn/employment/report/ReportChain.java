package cn.yn.employment.report;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.parameters.WorkingCalendar;
import cn.yn.employment.review.Decision;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewContract;
import cn.yn.employment.review.ReviewDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.task.service.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The report-review process's listeners and service tasks. They write the report's state, timeline and audit
 * entries in the engine's transaction. Bean names are referenced from processes/report-review.bpmn20.xml.
 */
@Component
class ReportChain {

    private final ReportStore store;
    private final AuditLog audit;
    private final CurrentUserProvider currentUser;
    private final ParameterService parameters;
    private final Clock clock;
    private final ReportNotifications notifications;
    private final WorkingCalendar calendar;

    ReportChain(ReportStore store, AuditLog audit, CurrentUserProvider currentUser, ParameterService parameters, Clock clock,
                ReportNotifications notifications, WorkingCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
        this.notifications = notifications;
        this.audit = audit;
        this.currentUser = currentUser;
        this.parameters = parameters;
        this.clock = clock;
    }

    String actor() {
        return currentUser.find().map(CurrentUser::username).orElse("system");
    }

    ReportView report(Object subjectId) {
        long id = ((Number) subjectId).longValue();
        return store.find(id).orElseThrow(() -> new IllegalStateException("report " + id + " not found"));
    }

    void changeState(ReportView r, ReportState to) {
        if (r.state() == to) {
            return;
        }
        store.setState(r.id(), to, clock.instant());
        audit.record("REPORT_STATE_CHANGED", "report", Long.toString(r.id()), Map.of("state", r.state().name()),
                Map.of("state", to.name()));
    }

    /** Due date of a review task arriving now: the business calendar's review time limit. */
    Date reviewDue() {
        return Date.from(calendar.reviewDue(clock.instant()));
    }

    /** {@code reportTaskListener}: create → state; complete (reviewer tasks) → decision recorded, return reason kept. */
    @Component("reportTaskListener")
    static class TaskStateListener implements TaskListener {

        private final ReportChain chain;

        TaskStateListener(ReportChain chain) {
            this.chain = chain;
        }

        @Override
        public void notify(DelegateTask task) {
            ReportView r = chain.report(task.getVariable(ReviewContract.SUBJECT_ID));
            String key = task.getTaskDefinitionKey();
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                switch (key) {
                    case ReportService.TASK_CITY -> {
                        ReviewDecision.clearStale(task);
                        chain.changeState(r, ReportState.PENDING_CITY);
                        task.setDueDate(chain.reviewDue());
                    }
                    case ReportService.TASK_PROVINCE -> {
                        ReviewDecision.clearStale(task);
                        chain.changeState(r, ReportState.PENDING_PROVINCE);
                        task.setDueDate(chain.reviewDue());
                    }
                    case ReportService.TASK_REVISE -> chain.changeState(r, ReportState.RETURNED);
                    default -> throw new IllegalStateException("unexpected task " + key);
                }
            } else if (EVENTNAME_COMPLETE.equals(task.getEventName())
                    && (ReportService.TASK_CITY.equals(key) || ReportService.TASK_PROVINCE.equals(key))) {
                boolean province = ReportService.TASK_PROVINCE.equals(key);
                decided(r, province, ReviewDecision.onComplete(task, province, chain.currentUser.find()));
            }
        }

        /** The decision's timeline entry, the return reason and notification, and its one audit entry. */
        private void decided(ReportView r, boolean province, ReviewDecision d) {
            Instant now = chain.clock.instant();
            String actor = chain.actor();
            String text = d.reason();
            if (d.approved()) {
                chain.store.insertEvent(r.id(), r.versionNo(), now, actor, province ? "PROVINCE_APPROVED" : "CITY_APPROVED", text);
                chain.audit.record(province ? "REPORT_PROVINCE_APPROVED" : "REPORT_CITY_APPROVED", "report", Long.toString(r.id()),
                        Map.of("state", r.state().name()), text == null ? Map.of("decision", Decision.APPROVE.name())
                                : Map.of("decision", Decision.APPROVE.name(), "comment", text));
                return;
            }
            ReturnTo to = d.returnTo();
            String action = !province ? "CITY_RETURNED" : to == ReturnTo.CITY ? "PROVINCE_RETURNED_CITY" : "PROVINCE_RETURNED_ENTERPRISE";
            chain.store.insertEvent(r.id(), r.versionNo(), now, actor, action, text);
            if (to == ReturnTo.ENTERPRISE) {
                chain.store.setReturned(r.id(), text, province ? "PROVINCE" : "CITY", now);
                chain.notifications.returnedToEnterprise(r, text);
            } else {
                chain.notifications.returnedToCity(r, text);
            }
            chain.audit.record("REPORT_" + action, "report", Long.toString(r.id()), Map.of("state", r.state().name()),
                    Map.of("decision", Decision.RETURN.name(), "returnTo", to.name(), "comment", text));
        }
    }

    /** {@code reportAcceptDelegate}: the province approved — ACCEPTED, accepted_at, layoff warning. */
    @Component("reportAcceptDelegate")
    static class AcceptDelegate implements JavaDelegate {

        private final ReportChain chain;

        AcceptDelegate(ReportChain chain) {
            this.chain = chain;
        }

        @Override
        public void execute(DelegateExecution execution) {
            ReportView r = chain.report(execution.getVariable(ReviewContract.SUBJECT_ID));
            Instant now = chain.clock.instant();
            LayoffRule rule = new LayoffRule(chain.parameters.getInt(Parameter.LAYOFF_ABSOLUTE_DECREASE),
                    chain.parameters.getInt(Parameter.LAYOFF_RATE_PERCENT), chain.parameters.getInt(Parameter.LAYOFF_SEVERE_RATE_PERCENT));
            String level = rule.level(r.previousHeadcount(), r.headcount());
            if (level != null) {
                int p = r.previousHeadcount();
                int e = r.headcount();
                chain.store.replaceLayoffWarning(r, level, p, e, p - e, LayoffRule.rate(p, e), now);
            } else {
                chain.store.clearLayoffWarning(r.id());
            }
            chain.store.setAccepted(r.id(), level, now);
            chain.store.insertEvent(r.id(), r.versionNo(), now, chain.actor(), "ACCEPTED", null);
            chain.notifications.accepted(r);
            chain.audit.record("REPORT_STATE_CHANGED", "report", Long.toString(r.id()), Map.of("state", r.state().name()),
                    level == null ? Map.of("state", "ACCEPTED") : Map.of("state", "ACCEPTED", "layoffWarning", level));
        }
    }

    /** {@code reportWithdrawnDelegate}: the enterprise withdrew before the city started — back to DRAFT. */
    @Component("reportWithdrawnDelegate")
    static class WithdrawnDelegate implements JavaDelegate {

        private final ReportChain chain;

        WithdrawnDelegate(ReportChain chain) {
            this.chain = chain;
        }

        @Override
        public void execute(DelegateExecution execution) {
            ReportView r = chain.report(execution.getVariable(ReviewContract.SUBJECT_ID));
            chain.changeState(r, ReportState.DRAFT);
            chain.store.insertEvent(r.id(), r.versionNo(), chain.clock.instant(), chain.actor(), "WITHDRAWN", null);
        }
    }
}
