package cn.yn.employment.review;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One Spring context for all review tests. Deploys a minimal chain that follows the review contract
 * ({@code processes-test/review-contract-test.bpmn20.xml}) and clears the engine and the projection before each test.
 */
@SpringBootTest
public abstract class ReviewTestBase {

    public static final String TEST_PROCESS = "reviewContractTest";
    private static final AtomicLong SUBJECTS = new AtomicLong(1000);

    protected static final CurrentUser KUNMING_A = user(11, "km_a", Role.CITY_REVIEWER, Scope.city("530100"));
    protected static final CurrentUser KUNMING_B = user(12, "km_b", Role.CITY_REVIEWER, Scope.city("530100"));
    protected static final CurrentUser QUJING = user(13, "qj_a", Role.CITY_REVIEWER, Scope.city("530300"));
    protected static final CurrentUser PROVINCE = user(14, "prov_a", Role.PROVINCE_REVIEWER, Scope.province());
    protected static final CurrentUser PROVINCE_B = user(15, "prov_b", Role.PROVINCE_REVIEWER, Scope.province());
    protected static final CurrentUser KUNMING_LEADER = user(16, "km_leader", Role.LEADER, Scope.city("530100"));
    protected static final CurrentUser QUJING_LEADER = user(17, "qj_leader", Role.LEADER, Scope.city("530300"));
    protected static final CurrentUser PROVINCE_LEADER = user(18, "prov_leader", Role.LEADER, Scope.province());
    /** The test users as accounts (names and units for timelines, colleagues for 转办/委派/抄送). */
    protected static final List<CurrentUser> ACCOUNTS = List.of(KUNMING_A, KUNMING_B, QUJING, PROVINCE, PROVINCE_B,
            KUNMING_LEADER, QUJING_LEADER, PROVINCE_LEADER);

    @Autowired
    protected ReviewService review;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected RepositoryService repository;
    @Autowired
    protected JdbcTemplate jdbc;

    protected static CurrentUser user(long id, String name, Role role, Scope scope) {
        return new CurrentUser(id, name, name, Set.of(role), scope);
    }

    @BeforeEach
    void deployAndClean() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(TEST_PROCESS).count() == 0) {
            repository.createDeployment().name("review-tests")
                    .addClasspathResource("processes-test/review-contract-test.bpmn20.xml").deploy();
        }
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        jdbc.update("delete from work_item_done");
        jdbc.update("delete from saved_filter");
        jdbc.update("delete from work_item_handover");
        jdbc.update("delete from work_item_copy");
        ACCOUNTS.forEach(this::ensureAccount);
        SecurityContextHolder.clearContext();
    }

    /** An enabled account for the test user, display name "<username>（测试）". */
    protected void ensureAccount(CurrentUser u) {
        Integer n = jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, u.username());
        if (n != null && n > 0) {
            jdbc.update("update app_user set enabled = true where username = ?", u.username());
            return;
        }
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        jdbc.update("insert into app_user (username, password_hash, display_name, scope_type, scope_code, enabled, created_at,"
                        + " updated_at) values (?, 'x', ?, ?, ?, true, ?, ?)", u.username(), u.username() + "（测试）",
                u.scope().type().name(), u.scope().code(), now, now);
        Long id = jdbc.queryForObject("select id from app_user where username = ?", Long.class, u.username());
        u.roles().forEach(r -> jdbc.update("insert into app_user_role (user_id, role) values (?, ?)", id, r.name()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    protected static void as(CurrentUser user) {
        var auth = new UsernamePasswordAuthenticationToken(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    /** Starts the test chain as an enterprise of the given city would submit; returns the process instance id. */
    protected String submit(String cityCode, String countyCode, String name, boolean hasWarnings) {
        return submit(cityCode, countyCode, name, hasWarnings, "2026-10", "REPORT");
    }

    protected String submit(String cityCode, String countyCode, String name, boolean hasWarnings, String period, String kind) {
        long subject = SUBJECTS.incrementAndGet();
        Map<String, Object> vars = new HashMap<>();
        vars.put("kind", kind);
        vars.put("subjectId", subject);
        vars.put("enterpriseId", subject + 5000);
        vars.put("enterpriseName", name);
        vars.put("uscc", String.format("91530100MA%08dX", subject).substring(0, 18));
        vars.put("cityCode", cityCode);
        vars.put("countyCode", countyCode);
        vars.put("industryDivision", "13");
        vars.put("periodCode", period);
        vars.put("hasWarnings", hasWarnings);
        return runtime.startProcessInstanceByKey(TEST_PROCESS, "subject-" + subject, vars).getId();
    }

    protected Task openTask(String processInstanceId) {
        List<Task> list = taskService.createTaskQuery().processInstanceId(processInstanceId).list();
        return list.isEmpty() ? null : list.get(0);
    }

    protected String taskId(String processInstanceId) {
        return openTask(processInstanceId).getId();
    }

    protected Map<String, Object> row(String taskId) {
        return jdbc.queryForMap("select * from work_item where task_id = ?", taskId);
    }

    protected int workItems(String processInstanceId) {
        return jdbc.queryForObject("select count(*) from work_item where process_instance_id = ?", Integer.class, processInstanceId);
    }
}
