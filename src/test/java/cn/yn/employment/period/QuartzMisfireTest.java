package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.period.internal.CalendarScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Quartz owns time: a close trigger planned from the period's data whose fire time passes while the scheduler is
 * down (standby) fires exactly once when it comes back, and the job marks 缺报.
 */
@Tag("slow")
class QuartzMisfireTest extends CalendarTestBase {

    @Autowired
    Scheduler quartz;
    @Autowired
    CalendarScheduler calendarScheduler;
    @Autowired
    PeriodCalendarService calendar;

    @Test
    void aCloseMissedWhileDownRunsOnceOnRestart() throws Exception {
        String code = "2032-01";
        Instant realNow = Instant.now();
        clock.set(realNow);
        Instant end = realNow.plusSeconds(2);
        period(code, realNow.minus(Duration.ofDays(5)), end, "OPEN");
        long silent = enterprise("误点企业", "530700", "530702", null, null);

        calendarScheduler.ensureJobs();
        calendarScheduler.syncAll();
        TriggerKey close = TriggerKey.triggerKey("close@" + end.getEpochSecond(), "period:" + code);
        assertThat(quartz.checkExists(close)).isTrue();
        assertThat(quartz.isStarted()).isFalse(); // "down"

        Long before = jdbc.queryForObject("select coalesce(max(id), 0) from job_run", Long.class);
        Instant due = Instant.now().plusSeconds(4);
        // the fire time passes by more than the misfire threshold (1 s in tests) while the scheduler is down
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> !Instant.now().isBefore(due));
        clock.set(Instant.now());
        // restart: planning again keeps the misfired trigger as it is, and the scheduler fires it once
        calendarScheduler.syncAll();
        assertThat(quartz.checkExists(close)).isTrue();
        quartz.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> closeRuns(before) > 0);
            // and no second fire comes
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> closeRuns(before) == 1);
            assertThat(jdbc.queryForObject("select outcome from job_run where job = 'period-close' and id > ?", String.class, before))
                    .isEqualTo("OK");
            assertThat(periodState(code)).isEqualTo("CLOSED");
            assertThat(reportState(silent, code)).isEqualTo("MISSING");
            assertThat(quartz.checkExists(close)).isFalse(); // one-shot, done
        } finally {
            quartz.standby();
        }
    }

    private int closeRuns(long afterId) {
        return jdbc.queryForObject("select count(*) from job_run where job = 'period-close' and id > ? and outcome <> 'RUNNING'",
                Integer.class, afterId);
    }
}
