package cn.yn.employment.processadmin;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** One Spring context for every process-admin test; the test model is deployed once, like an auto-deployment. */
@SpringBootTest
public abstract class ProcessAdminTestBase {

    static final String KEY = "paTestReview";
    static final String MODEL = "processadmin/pa-test-review.bpmn20.xml";

    @Autowired
    protected RepositoryService repository;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected TaskService tasks;
    @Autowired
    protected ProcessAdminService service;
    @Autowired
    protected ProcessInstanceMigrations migrations;
    @Autowired
    protected FailedJobs jobs;

    protected static String resource(String path) {
        try (InputStream in = ProcessAdminTestBase.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test model's latest version, deploying it first (without a note: "auto-deploy") if needed. */
    protected ProcessDefinition testModel() {
        ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
        if (d == null) {
            repository.createDeployment().name("ems-processes").addString(KEY + ".bpmn20.xml", resource(MODEL)).deploy();
            d = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
        }
        return d;
    }

    protected String startInstance(String cityCode, long enterpriseId) {
        return runtime.startProcessInstanceByKey(KEY, "REPORT-" + enterpriseId, Map.of("kind", "REPORT",
                "subjectId", enterpriseId, "enterpriseId", enterpriseId, "cityCode", cityCode,
                "enterpriseName", "测试企业" + enterpriseId)).getId();
    }

    public static CurrentUser user(String name, Role role, Scope scope) {
        return new CurrentUser(name.hashCode() & 0xffff, name, name, Set.of(role), scope);
    }

    public static void loginAs(CurrentUser u) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(u, null,
                u.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    public static CurrentUser admin() {
        return user("padmin", Role.PROCESS_ADMIN, Scope.system());
    }

    protected void loginAdmin() {
        loginAs(admin());
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }
}
