package cn.yn.employment.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.accounts.AppUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every supported database must do for this application: Flyway migrated our schema (portable scripts, the
 * vendor's Quartz script and the Java code-table loader), JPA writes and reads, a Flowable process runs start to
 * end, and Quartz's JDBC job store stores and fires a job. Subclasses run it on H2 or PostgreSQL (the normal suite,
 * {@code -Ppostgres}) and through the openGauss driver ({@code -Popengauss}).
 */
@SpringBootTest
abstract class DatabaseStackChecks {

    static final String PROBE_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn" targetNamespace="ems-db-probe">
              <process id="dbProbe" name="Database probe" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="toConfirm" sourceRef="start" targetRef="confirm"/>
                <userTask id="confirm" name="Confirm" flowable:assignee="db-probe"/>
                <sequenceFlow id="toEnd" sourceRef="confirm" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    @Autowired Flyway flyway;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @PersistenceContext EntityManager em;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ProcessEngineConfiguration processEngineConfiguration;
    @Autowired Scheduler scheduler;

    /** "h2" or "postgresql": the folder Flyway took the vendor-specific scripts from. */
    abstract String expectedVendorFolder();

    @Test
    void flywayAppliedEveryMigrationIncludingVendorScriptsAndJavaLoader() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty().allSatisfy(m -> assertThat(m.getState()).isIn(MigrationState.SUCCESS, MigrationState.OUT_OF_ORDER));
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(applied).anySatisfy(m -> {
            assertThat(m.getVersion().getVersion()).isEqualTo("2");
            assertThat(m.getPhysicalLocation()).contains("db/migration/" + expectedVendorFolder() + "/");
        });
        assertThat(applied).anySatisfy(m -> assertThat(m.getScript()).contains("V4__load_code_tables"));
        assertThat(jdbc.queryForObject("select count(*) from code_entry where code_type = 'REGION' and valid_to is null",
                Integer.class)).isEqualTo(146);
        assertThat(jdbc.queryForObject("select count(*) from qrtz_locks", Integer.class)).isNotNull();
    }

    @Test
    void jpaWritesAndReadsAnEntity() {
        String username = "db-probe-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Long id = tx.execute(s -> {
            AppUser user = new AppUser(username, "{noop}x", "数据库探针", Set.of(Role.CITY_REVIEWER, Role.LEADER),
                    Scope.city("530100"), now);
            em.persist(user);
            em.flush();
            return user.getId();
        });
        try {
            tx.executeWithoutResult(s -> {
                AppUser read = em.createQuery("select u from AppUser u where u.username = :n", AppUser.class)
                        .setParameter("n", username).getSingleResult();
                assertThat(read.getId()).isEqualTo(id);
                assertThat(read.getDisplayName()).isEqualTo("数据库探针");
                assertThat(read.getRoles()).containsExactlyInAnyOrder(Role.CITY_REVIEWER, Role.LEADER);
                assertThat(read.scope()).isEqualTo(Scope.city("530100"));
                assertThat(read.isEnabled()).isTrue();
                assertThat(read.getCreatedAt()).isEqualTo(now);
            });
            assertThat(jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, id)).isTrue();
        } finally {
            tx.executeWithoutResult(s -> em.remove(em.find(AppUser.class, id)));
        }
    }

    @Test
    void flowableDeploysStartsAndCompletesAProcess() {
        assertThat(processEngineConfiguration.getDatabaseType()).isEqualTo("postgres");
        Deployment deployment = repositoryService.createDeployment().name("db-probe")
                .addString("db-probe.bpmn20.xml", PROBE_BPMN).deploy();
        try {
            ProcessInstance pi = runtimeService.startProcessInstanceByKey("dbProbe", "probe-1", Map.of("answer", 42L));
            Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
            assertThat(task.getAssignee()).isEqualTo("db-probe");
            assertThat(taskService.getVariable(task.getId(), "answer")).isEqualTo(42L);
            taskService.complete(task.getId(), Map.of("done", true));
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished()
                    .singleResult().getEndActivityId()).isEqualTo("end");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void quartzJdbcStoreKeepsAndFiresAJob() throws Exception {
        ProbeJob.fired = new CountDownLatch(1);
        JobKey key = JobKey.jobKey("probe-" + UUID.randomUUID(), "db-probe");
        // first stored for an hour ahead, so a scheduler another test left running cannot fire it before we look
        scheduler.scheduleJob(JobBuilder.newJob(ProbeJob.class).withIdentity(key).build(),
                TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup())
                        .startAt(new java.util.Date(System.currentTimeMillis() + 3_600_000)).build());
        assertThat(jdbc.queryForObject("select count(*) from qrtz_job_details where job_group = ? and job_name = ?",
                Integer.class, key.getGroup(), key.getName())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from qrtz_triggers where trigger_group = ? and trigger_name = ?",
                Integer.class, key.getGroup(), key.getName())).isEqualTo(1);
        scheduler.rescheduleJob(org.quartz.TriggerKey.triggerKey(key.getName(), key.getGroup()),
                TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).forJob(key).startNow().build());
        boolean wasStarted = scheduler.isStarted() && !scheduler.isInStandbyMode();
        if (!wasStarted) {
            scheduler.start();
        }
        try {
            assertThat(ProbeJob.fired.await(60, TimeUnit.SECONDS)).as("probe job fired").isTrue();
            // a fired one-shot trigger and its non-durable job are then removed from the store
            org.awaitility.Awaitility.await("job removed after firing").atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> !scheduler.checkExists(key));
        } finally {
            if (!wasStarted) {
                scheduler.standby();
            }
            if (scheduler.checkExists(key)) {
                scheduler.deleteJob(key);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from qrtz_scheduler_state", Integer.class)).isPositive();
    }

    Connection connection() throws Exception {
        return dataSource.getConnection();
    }

    public static class ProbeJob implements Job {
        static volatile CountDownLatch fired = new CountDownLatch(1);

        @Override
        public void execute(JobExecutionContext context) {
            fired.countDown();
        }
    }
}
