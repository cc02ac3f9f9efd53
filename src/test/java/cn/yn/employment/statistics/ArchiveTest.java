package cn.yn.employment.statistics;

import static cn.yn.employment.statistics.BulletinFixture.PERIOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.period.PeriodClosed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;

class ArchiveTest extends StatisticsTestBase {

    @Autowired
    ReportArchive archive;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void fixture() {
        BulletinFixture.loadOnce(this, jdbc);
    }

    @Test
    void periodClosedArchivesTheWholePackOnceAndRegenerationReplacesIt() throws Exception {
        events.publishEvent(new PeriodClosed(PERIOD));
        awaitFinished();
        int expected = archive.expectedFiles();
        assertThat(expected).isEqualTo(17 * ReportKind.values().length);
        assertThat(archive.storedCount(PERIOD)).isEqualTo(expected);

        signIn(Scope.city(NUJIANG), Role.LEADER);
        List<ReportArchive.ArchivedFile> mine = archive.list().stream().filter(f -> f.periodCode().equals(PERIOD)).toList();
        assertThat(mine).hasSize(ReportKind.values().length).allMatch(f -> f.scopeCode().equals(NUJIANG));
        byte[] pdf = archive.content(mine.get(0).id());
        assertThat(ReportsTest.text(pdf)).contains("怒江傈僳族自治州");

        signInProvinceLeader();
        long diqingFile = archive.list().stream().filter(f -> f.periodCode().equals(PERIOD) && f.scopeCode().equals(DIQING))
                .findFirst().orElseThrow().id();
        assertThat(ReportsTest.text(archive.content(diqingFile))).contains("迪庆藏族自治州");
        signIn(Scope.city(NUJIANG), Role.LEADER);
        assertThatThrownBy(() -> archive.content(diqingFile)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> archive.regenerate(PERIOD, p -> { })).isInstanceOf(AccessDeniedException.class);

        // regeneration by a province leader replaces every file, reporting progress; a listener that fails (its UI
        // has gone) does not stop the pack
        signInProvinceLeader();
        List<ReportArchive.Progress> seen = new CopyOnWriteArrayList<>();
        int files = archive.regenerate(PERIOD, p -> {
            seen.add(p);
            throw new IllegalStateException("the view is gone");
        }).get(10, TimeUnit.MINUTES);
        assertThat(files).isEqualTo(expected);
        assertThat(archive.storedCount(PERIOD)).isEqualTo(expected);
        assertThat(seen.get(seen.size() - 1).finished()).isTrue();
        assertThat(seen.get(seen.size() - 1).error()).isNull();
        assertThat(seen).extracting(ReportArchive.Progress::done).isSorted();

        // a second close event finds the pack complete and does nothing
        events.publishEvent(new PeriodClosed(PERIOD));
        assertThat(archive.storedCount(PERIOD)).isEqualTo(expected);

        // a node stopped half way through (files of some cities missing): the next start finishes the pack
        if (jdbc.queryForObject("select count(*) from survey_period where code = ?", Integer.class, PERIOD) == 0) {
            java.sql.Timestamp t = java.sql.Timestamp.from(java.time.Instant.parse("2091-07-10T16:00:00Z"));
            jdbc.update("insert into survey_period (code, window_start, window_end, state, reminder_offsets, created_at, updated_at)"
                    + " values (?, ?, ?, 'CLOSED', '3,1', ?, ?)", PERIOD, t, t, t, t);
        }
        jdbc.update("delete from statistics_archive where period_code = ? and scope_code in (?, ?)", PERIOD, NUJIANG, DIQING);
        assertThat(archive.storedCount(PERIOD)).isEqualTo(expected - 2 * ReportKind.values().length);
        archive.resumeIncomplete();
        awaitFinished();
        assertThat(archive.storedCount(PERIOD)).isEqualTo(expected);

        signIn(Scope.enterprise(1), Role.ENTERPRISE);
        assertThatThrownBy(() -> archive.list()).isInstanceOf(AccessDeniedException.class);
    }

    private void awaitFinished() {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> archive.progress(PERIOD).map(p -> p.finished()).orElse(false));
        assertThat(archive.progress(PERIOD).orElseThrow().error()).isNull();
    }
}
