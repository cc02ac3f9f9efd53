package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R2 found it: with Flowable's default lock times (1 h) a timer held by a node that is killed fires on another node
 * only an hour later. The shipped configuration bounds that to 5 minutes (application.yml); NodeKilledMidJobTest
 * shows the takeover across real processes with 20 s.
 */
class FlowableLockExpiryTest extends CalendarTestBase {

    @Autowired
    ProcessEngineConfiguration engine;

    @Test
    void aDeadNodesTimerAndAsyncJobLocksExpireWithinFiveMinutes() {
        AsyncExecutor executor = ((ProcessEngineConfigurationImpl) engine).getAsyncExecutor();
        assertThat(executor.getTimerLockTimeInMillis()).isEqualTo(5 * 60 * 1000);
        assertThat(executor.getAsyncJobLockTimeInMillis()).isEqualTo(5 * 60 * 1000);
    }
}
