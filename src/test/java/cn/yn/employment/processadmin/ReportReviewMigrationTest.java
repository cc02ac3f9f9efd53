package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.period.PeriodService;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationPreview;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationResult;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportState;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped report-review process, edited in process admin: deployed as a new version, running reports migrated,
 * and they go on to the end on the new version with the reviewers' inbox rows (keyed by task id) intact. Runs in
 * the report module's test context (its clock sits inside an open period).
 */
class ReportReviewMigrationTest extends ReportTestBase {

    static final String P = "2026-02";

    @Autowired
    ReportService reports;
    @Autowired
    PeriodService periods;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessAdminService admin;
    @Autowired
    ProcessInstanceMigrations migrations;

    private ReportView submitted(int headcount) {
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        ReportView draft = reports.draftFor(ent, P);
        return reports.submit(draft.id(), ReportForm.empty().withHeadcount(headcount), null);
    }

    private Task task(ReportView r) {
        return tasks.createTaskQuery().processInstanceId(r.processInstanceId()).singleResult();
    }

    private int inboxRows(String taskId) {
        return jdbc.queryForObject("select count(*) from work_item where task_id = ?", Integer.class, taskId);
    }

    private ReportState state(ReportView r) {
        actAs(province());
        return reports.get(r.id()).state();
    }

    @Test
    void editedReportReviewIsDeployedAndRunningReportsMigrateAndFinishOnIt() {
        period(P, periods);
        ReportView atCity = submitted(102);
        ReportView atProvince = submitted(100);
        actAs(city("530100"));
        tasks.complete(task(atProvince).getId(), Map.of("decision", "APPROVE"));
        String cityTaskId = task(atCity).getId();
        String provinceTaskId = task(atProvince).getId();
        assertThat(task(atProvince).getTaskDefinitionKey()).isEqualTo(ReportService.TASK_PROVINCE);
        assertThat(inboxRows(cityTaskId)).isEqualTo(1);
        assertThat(inboxRows(provinceTaskId)).isEqualTo(1);

        ProcessAdminTestBase.loginAs(ProcessAdminTestBase.admin());
        DefinitionVersion v1 = admin.latest(ReportService.PROCESS_KEY);
        String xml = admin.xml(v1.id());
        assertThat(admin.validate(ReportService.PROCESS_KEY, xml)).as("the shipped model passes unchanged").isEmpty();
        String edited = xml.replace("name=\"市级审核\"", "name=\"市级审核（调整）\"");
        assertThat(edited).isNotEqualTo(xml);
        DefinitionVersion v2 = admin.deploy(ReportService.PROCESS_KEY, edited, "市级审核环节改名");
        assertThat(v2.version()).isEqualTo(v1.version() + 1);
        assertThat(admin.diff(v1.id(), v2.id())).singleElement().satisfies(c -> assertThat(c.elementId()).isEqualTo("cityReview"));

        MigrationPreview preview = migrations.previewMigration(v1.id(), v2.id());
        assertThat(preview.instances()).filteredOn(i -> List.of(atCity.processInstanceId(), atProvince.processInstanceId())
                .contains(i.processInstanceId())).hasSize(2).allSatisfy(i -> assertThat(i.migratable()).as(i.messages().toString()).isTrue());
        MigrationResult result = migrations.migrate(v1.id(), v2.id());
        assertThat(result.migrated()).contains(atCity.processInstanceId(), atProvince.processInstanceId());

        // same tasks, now on the new version; the inbox rows are untouched
        assertThat(task(atCity).getId()).isEqualTo(cityTaskId);
        assertThat(task(atCity).getProcessDefinitionId()).isEqualTo(v2.id());
        assertThat(task(atProvince).getId()).isEqualTo(provinceTaskId);
        assertThat(inboxRows(cityTaskId)).isEqualTo(1);
        assertThat(inboxRows(provinceTaskId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select candidate_group from work_item where task_id = ?", String.class, cityTaskId))
                .isEqualTo("city:530100");

        // and they continue on the new version
        actAs(city("530100"));
        tasks.complete(cityTaskId, Map.of("decision", "APPROVE"));
        Task next = task(atCity);
        assertThat(next.getTaskDefinitionKey()).isEqualTo(ReportService.TASK_PROVINCE);
        assertThat(next.getProcessDefinitionId()).isEqualTo(v2.id());
        assertThat(inboxRows(cityTaskId)).isZero();
        assertThat(inboxRows(next.getId())).isEqualTo(1);
        assertThat(state(atCity)).isEqualTo(ReportState.PENDING_PROVINCE);

        actAs(province());
        tasks.complete(provinceTaskId, Map.of("decision", "APPROVE", "comment", "ok"));
        assertThat(inboxRows(provinceTaskId)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(atProvince.processInstanceId()).count()).isZero();
        assertThat(state(atProvince)).isEqualTo(ReportState.ACCEPTED);
    }
}
