package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.processadmin.ProcessAdminModels.ChangeKind;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ProcessAdminModels.FailedJob;
import cn.yn.employment.processadmin.ProcessAdminModels.JobKind;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationPreview;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationResult;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ManagementService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

class ProcessAdminServiceTest extends ProcessAdminTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessInstanceDiagrams diagrams;

    private Task taskOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    @Test
    void deployAnEditedVersionMigrateRunningInstancesAndTheyContinueOnTheNewVersion() {
        ProcessDefinition v1 = testModel();
        String atCity = startInstance("530100", 101);
        String atProvince = startInstance("530100", 102);
        tasks.complete(taskOf(atProvince).getId(), Map.of("decision", "APPROVE"));
        String cityTaskId = taskOf(atCity).getId();
        String provinceTaskId = taskOf(atProvince).getId();
        assertThat(taskOf(atProvince).getTaskDefinitionKey()).isEqualTo("provinceReview");

        loginAdmin();
        assertThat(service.activityCounts(v1.getId()))
                .anySatisfy(a -> { assertThat(a.activityId()).isEqualTo("cityReview"); assertThat(a.count()).isGreaterThanOrEqualTo(1); })
                .anySatisfy(a -> { assertThat(a.activityId()).isEqualTo("provinceReview"); assertThat(a.count()).isGreaterThanOrEqualTo(1); });

        String edited = resource(MODEL).replace("name=\"市级审核\"", "name=\"市级初审\"")
                .replace("flowable:candidateGroups=\"province\" flowable:dueDate=\"P5D\"", "flowable:candidateGroups=\"province\" flowable:dueDate=\"P3D\"");
        long deploymentsBefore = repository.createDeploymentQuery().count();
        DefinitionVersion v2 = service.deploy(KEY, edited, "市级环节改名，省级时限改为 3 天");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore + 1);
        assertThat(v2.version()).isEqualTo(v1.getVersion() + 1);
        assertThat(v2.latest()).isTrue();
        assertThat(v2.deployedBy()).isEqualTo("padmin");
        assertThat(v2.comment()).contains("3 天");
        assertThat(service.definition(v1.getId()).deployedBy()).isNull(); // auto-deployed: "system (auto-deploy)"
        assertThat(service.xml(v2.id())).contains("市级初审");

        assertThat(service.diff(v1.getId(), v2.id()))
                .anySatisfy(c -> {
                    assertThat(c.elementId()).isEqualTo("cityReview");
                    assertThat(c.kind()).isEqualTo(ChangeKind.CHANGED);
                    assertThat(c.attributes()).anySatisfy(a -> {
                        assertThat(a.name()).isEqualTo("@name");
                        assertThat(a.before()).isEqualTo("市级审核");
                        assertThat(a.after()).isEqualTo("市级初审");
                    });
                })
                .anySatisfy(c -> assertThat(c.elementId()).isEqualTo("provinceReview"))
                .noneSatisfy(c -> assertThat(c.elementId()).isEqualTo("revise"));

        MigrationPreview preview = migrations.previewMigration(v1.getId(), v2.id());
        assertThat(preview.instances()).extracting(i -> i.processInstanceId()).contains(atCity, atProvince);
        assertThat(preview.instances()).filteredOn(i -> List.of(atCity, atProvince).contains(i.processInstanceId()))
                .allSatisfy(i -> assertThat(i.migratable()).as(i.messages().toString()).isTrue());

        MigrationResult result = migrations.migrate(v1.getId(), v2.id());
        assertThat(result.migrated()).contains(atCity, atProvince);
        assertThat(result.skipped()).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(atCity).singleResult().getProcessDefinitionId())
                .isEqualTo(v2.id());
        assertThat(service.definition(v1.getId()).runningInstances()).isZero();

        // the waiting tasks survived with their ids (the inbox projection is keyed by task id)
        assertThat(taskOf(atCity).getId()).isEqualTo(cityTaskId);
        assertThat(taskOf(atCity).getProcessDefinitionId()).isEqualTo(v2.id());
        assertThat(taskOf(atProvince).getId()).isEqualTo(provinceTaskId);
        assertInboxRowsIntact(List.of(cityTaskId, provinceTaskId));

        // and they continue on the new version
        tasks.complete(cityTaskId, Map.of("decision", "APPROVE"));
        Task next = taskOf(atCity);
        assertThat(next.getTaskDefinitionKey()).isEqualTo("provinceReview");
        assertThat(next.getProcessDefinitionId()).isEqualTo(v2.id());
        tasks.complete(provinceTaskId, Map.of("decision", "APPROVE"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(atProvince).count()).isZero();

        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PROCESS_DEPLOYED' and target_id = ?",
                Integer.class, v2.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PROCESS_INSTANCE_MIGRATED' and target_id in (?, ?)",
                Integer.class, atCity, atProvince)).isEqualTo(2);
    }

    /** When the review module's inbox projection is present, the migrated tasks' rows are still there. */
    private void assertInboxRowsIntact(List<String> taskIds) {
        Integer tables = jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = 'work_item'",
                Integer.class);
        if (tables != null && tables > 0) {
            for (String id : taskIds) {
                assertThat(jdbc.queryForObject("select count(*) from work_item where task_id = ?", Integer.class, id))
                        .as("inbox row of task " + id).isEqualTo(1);
            }
        }
    }

    @Test
    void deployNeedsACommentAndAnExistingKey() {
        testModel();
        loginAdmin();
        assertThatThrownBy(() -> service.deploy(KEY, resource(MODEL), " "))
                .hasMessage("processadmin.deploy.invalid");
        assertThatThrownBy(() -> service.deploy("noSuchProcess", resource(MODEL), "x"))
                .hasMessage("processadmin.definition.notFound");
    }

    @Test
    void suspendAndActivateAreAudited() {
        ProcessDefinition d = testModel();
        loginAdmin();
        service.suspend(d.getId());
        assertThat(service.definition(d.getId()).suspended()).isTrue();
        assertThat(service.counts().suspendedDefinitions()).isGreaterThanOrEqualTo(1);
        service.activate(d.getId());
        assertThat(service.definition(d.getId()).suspended()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action in ('PROCESS_DEFINITION_SUSPENDED',"
                + " 'PROCESS_DEFINITION_ACTIVATED') and target_id = ?", Integer.class, d.getId())).isEqualTo(2);
    }

    static final String FAILING = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                targetNamespace="test">
              <process id="paFailing" isExecutable="true">
                <startEvent id="s"/>
                <sequenceFlow id="a" sourceRef="s" targetRef="boom"/>
                <serviceTask id="boom" flowable:async="true" flowable:expression="${noSuchVariable}"/>
                <sequenceFlow id="b" sourceRef="boom" targetRef="e"/>
                <endEvent id="e"/>
              </process>
            </definitions>
            """;

    @Test
    void failedJobsAreListedRetriedAndDeleted() {
        repository.createDeployment().addString("paFailing.bpmn20.xml", FAILING).deploy();
        String pi = runtime.startProcessInstanceByKey("paFailing").getId();
        for (int attempt = 0; attempt < 6 && management.createDeadLetterJobQuery().processInstanceId(pi).count() == 0; attempt++) {
            Job timer = management.createTimerJobQuery().processInstanceId(pi).singleResult();
            if (timer != null) {
                management.moveTimerToExecutableJob(timer.getId());
            }
            Job job = management.createJobQuery().processInstanceId(pi).singleResult();
            Executable run = () -> management.executeJob(job.getId());
            try {
                run.execute();
            } catch (FlowableException expected) {
                // the expression fails; the engine records the exception and counts the retry down
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }
        loginAdmin();
        List<FailedJob> failed = jobs.failedJobs().stream().filter(j -> pi.equals(j.processInstanceId())).toList();
        assertThat(failed).singleElement().satisfies(j -> {
            assertThat(j.kind()).isEqualTo(JobKind.DEAD_LETTER);
            assertThat(j.elementId()).isEqualTo("boom");
            assertThat(j.exceptionMessage()).contains("noSuchVariable");
        });
        FailedJob dead = failed.get(0);
        assertThat(jobs.stacktrace(dead.id(), JobKind.DEAD_LETTER)).contains("noSuchVariable");
        assertThat(service.counts().deadLetterJobs()).isGreaterThanOrEqualTo(1);

        jobs.retry(dead.id(), JobKind.DEAD_LETTER);
        assertThat(management.createDeadLetterJobQuery().processInstanceId(pi).count()).isZero();
        Job again = management.createJobQuery().processInstanceId(pi).singleResult();
        assertThat(again.getRetries()).isEqualTo(3);
        assertThat(jobs.failedJobs()).anySatisfy(j -> {
            assertThat(j.processInstanceId()).isEqualTo(pi);
            assertThat(j.kind()).isEqualTo(JobKind.EXECUTABLE);
        });
        jobs.delete(again.getId(), JobKind.EXECUTABLE);
        assertThat(management.createJobQuery().processInstanceId(pi).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action in ('PROCESS_JOB_RETRIED', 'PROCESS_JOB_DELETED')",
                Integer.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void instanceDiagramIsForAdminsReviewersOfTheCityAndTheEnterpriseItself() {
        testModel();
        String pi = startInstance("530100", 777);
        for (CurrentUser allowed : List.of(admin(), user("kmReviewer", Role.CITY_REVIEWER, Scope.city("530100")),
                user("provReviewer", Role.PROVINCE_REVIEWER, Scope.province()),
                user("ent777", Role.ENTERPRISE, Scope.enterprise(777)))) {
            loginAs(allowed);
            var d = diagrams.diagram(pi);
            assertThat(d.activeActivityIds()).as(allowed.username()).containsExactly("cityReview");
            assertThat(d.completedActivityIds()).contains("start");
            assertThat(d.xml()).contains("paTestReview");
        }
        for (CurrentUser denied : List.of(user("qjReviewer", Role.CITY_REVIEWER, Scope.city("530300")),
                user("ent778", Role.ENTERPRISE, Scope.enterprise(778)),
                user("leader", Role.LEADER, Scope.province()),
                user("sysadmin", Role.SYSTEM_ADMIN, Scope.system()))) {
            loginAs(denied);
            assertThatThrownBy(() -> diagrams.diagram(pi)).as(denied.username()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(ProcessInstanceDiagrams.path(pi)).isEqualTo("process/instance/" + pi);
    }

    @Test
    void everyOtherRoleIsRefusedByEveryServiceMethod() {
        String id = testModel().getId();
        List<Executable> calls = List.of(
                () -> service.definitions(), () -> service.definition(id), () -> service.latest(KEY),
                () -> service.activityCounts(id), () -> service.suspend(id), () -> service.activate(id),
                () -> service.xml(id), () -> service.validate(KEY, resource(MODEL)), () -> service.warnings(resource(MODEL)),
                () -> service.deploy(KEY, resource(MODEL), "x"), () -> service.diff(id, id),
                () -> service.diffAgainst(id, resource(MODEL)), () -> migrations.previewMigration(id, id),
                () -> migrations.migrate(id, id), () -> jobs.failedJobs(), () -> jobs.stacktrace("1", JobKind.DEAD_LETTER),
                () -> jobs.retry("1", JobKind.DEAD_LETTER), () -> jobs.delete("1", JobKind.DEAD_LETTER),
                () -> service.counts());
        for (Role role : Role.values()) {
            if (role == Role.PROCESS_ADMIN) {
                continue;
            }
            Scope scope = switch (role) {
                case ENTERPRISE -> Scope.enterprise(1);
                case CITY_REVIEWER -> Scope.city("530100");
                case PROVINCE_REVIEWER, LEADER -> Scope.province();
                default -> Scope.system();
            };
            loginAs(user("u" + role, role, scope));
            for (Executable call : calls) {
                assertThatThrownBy(call::execute).as(role.name()).isInstanceOf(AccessDeniedException.class);
            }
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> service.definitions()).isInstanceOf(AccessDeniedException.class);
    }
}
