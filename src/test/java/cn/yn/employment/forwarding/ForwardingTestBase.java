package cn.yn.employment.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.Window;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportState;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forwarding tests share the report tests' Spring context (same configuration, so one start-up). Each test works on
 * its own period with a window around "now", submits and accepts reports through the real report chain, and closes
 * the period through the calendar, so the forwarding module sees exactly what production would.
 */
public abstract class ForwardingTestBase extends ReportTestBase {

    @Autowired
    protected PeriodService periods;
    @Autowired
    protected PeriodCalendarService calendar;
    @Autowired
    protected ReportService reports;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ForwardingService forwarding;
    @Autowired
    protected ForwardingProperties properties;

    /**
     * Creates an open period whose window ends in an hour. Codes sort before the report tests' periods, so their
     * {@code PeriodService.current()} never picks ours up.
     */
    protected void openPeriod(String code) {
        actAs(province());
        Instant now = clock.instant();
        periods.create(code, new Window(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))));
    }

    /** Moves past the period's window and lets the calendar close it (which publishes PeriodClosed). */
    protected void close(String code) {
        clock.advance(Duration.ofHours(2));
        assertThat(calendar.closeDue()).contains(code);
    }

    /** A filed enterprise's report for the period, submitted by the enterprise (baseline 100, headcount as given). */
    protected ReportView submitted(String period, String city, String county, int headcount) {
        long ent = filedEnterprise(city, county, 100);
        actAs(enterpriseUser(ent));
        ReportView draft = reports.draftFor(ent, period);
        return reports.submit(draft.id(), ReportForm.empty().withHeadcount(headcount), null);
    }

    /** Submitted and approved by the city and the province: ACCEPTED. */
    protected ReportView accepted(String period, String city, String county, int headcount) {
        return approve(submitted(period, city, county, headcount));
    }

    protected ReportView approve(ReportView r) {
        actAs(city(r.cityCode()));
        complete(r, ReportService.TASK_CITY);
        actAs(province());
        complete(r, ReportService.TASK_PROVINCE);
        ReportView done = reports.get(r.id());
        assertThat(done.state()).isEqualTo(ReportState.ACCEPTED);
        return done;
    }

    private void complete(ReportView r, String taskKey) {
        Task t = taskService.createTaskQuery().processInstanceId(reports.get(r.id()).processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(t).as(taskKey).isNotNull();
        taskService.complete(t.getId(), Map.of("decision", "APPROVE"));
    }

    /** The entries of a zip, by name, in their order. */
    protected static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
