package cn.yn.employment.period.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.flowable.engine.HistoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deletes Flowable history of process instances finished more than {@code app.flowable.history-retention-days}
 * (default 400) days ago, with related data (tasks, variables, activities). Our own tables keep what the business
 * needs (report versions, audit log), so engine history is only needed for recent diagnostics.
 */
@Component
public class FlowableHistoryCleanup {

    private final HistoryService history;
    private final Clock clock;
    private final int retentionDays;

    FlowableHistoryCleanup(HistoryService history, Clock clock,
                           @Value("${app.flowable.history-retention-days:400}") int retentionDays) {
        this.history = history;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** Returns how many historic process instances were deleted. */
    public long clean() {
        Date before = Date.from(clock.instant().minus(Duration.ofDays(retentionDays)));
        long count = history.createHistoricProcessInstanceQuery().finished().finishedBefore(before).count();
        if (count > 0) {
            history.createHistoricProcessInstanceQuery().finished().finishedBefore(before).deleteWithRelatedData();
        }
        return count;
    }
}
