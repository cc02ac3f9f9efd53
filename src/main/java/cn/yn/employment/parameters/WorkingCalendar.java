package cn.yn.employment.parameters;

import cn.yn.employment.common.time.WorkingDays;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The business calendar as the administrator configured it (holidays and 调休 working days) and the review time
 * limit: what review due dates, the inbox's "overdue" and the SLA escalation all use.
 */
@Component
public class WorkingCalendar {

    private final ParameterService parameters;

    WorkingCalendar(ParameterService parameters) {
        this.parameters = parameters;
    }

    public WorkingDays workingDays() {
        return new WorkingDays(WorkingDays.parseDates(parameters.getString(Parameter.CALENDAR_HOLIDAYS)),
                WorkingDays.parseDates(parameters.getString(Parameter.CALENDAR_EXTRA_WORKDAYS)));
    }

    /** When a review task that arrived at {@code arrived} is due: REVIEW_SLA_WORKING_DAYS working days later, end of day. */
    public Instant reviewDue(Instant arrived) {
        return workingDays().dueAfter(arrived, parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS));
    }
}
