package cn.yn.employment.enterprise;

import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One Spring context for all enterprise tests (no per-test rollback: the engine commits). Each test makes its
 * own enterprises with fresh USCCs and user names, so tests do not see each other's data.
 */
@SpringBootTest
public abstract class EnterpriseTestSupport {

    protected static final String KUNMING = "530100";
    protected static final String WUHUA = "530102"; // 五华区, Kunming
    protected static final String GUANDU = "530111"; // 官渡区, Kunming
    protected static final String QUJING = "530300";
    protected static final String QILIN = "530302"; // 麒麟区, Qujing
    private static final AtomicInteger SEQ = new AtomicInteger(1000);

    @Autowired protected EnterpriseService enterprises;
    @Autowired protected FilingService filings;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A valid, fresh USCC (registered in Kunming, org code with a valid GB 11714 check). */
    protected static String freshUscc() {
        String body = String.format("%08d", SEQ.incrementAndGet() * 7919 % 100_000_000);
        String org = body + OrganisationCode.checkCharFor(body);
        String first17 = "91530100" + org;
        return first17 + Uscc.checkCharFor(first17);
    }

    protected static String freshUsername() {
        return "ent" + SEQ.incrementAndGet();
    }

    protected static void signIn(CurrentUser user) {
        var auth = new UsernamePasswordAuthenticationToken(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    protected static CurrentUser enterpriseUser(long enterpriseId) {
        return new CurrentUser(10_000 + enterpriseId, "ent-user-" + enterpriseId, "企业用户", Set.of(Role.ENTERPRISE),
                Scope.enterprise(enterpriseId));
    }

    protected static CurrentUser cityReviewer(String city) {
        return new CurrentUser(2, "city-" + city, "市级审核员", Set.of(Role.CITY_REVIEWER), Scope.city(city));
    }

    protected static CurrentUser provinceReviewer() {
        return new CurrentUser(3, "province", "省级审核员", Set.of(Role.PROVINCE_REVIEWER), Scope.province());
    }

    /** Registers a fresh enterprise in the county anonymously and signs in as its user. */
    protected EnterpriseView registerAndSignIn(String county) {
        SecurityContextHolder.clearContext();
        EnterpriseView e = enterprises.register(new RegistrationForm(freshUscc(), "测试企业" + SEQ.incrementAndGet(), county,
                "张三", "0871-63123456", "hr@example.cn", freshUsername(), "secret123"));
        signIn(enterpriseUser(e.id()));
        return e;
    }

    /** A complete, valid filing for the enterprise. */
    protected static FilingData completeData(EnterpriseView e) {
        return new FilingData(e.uscc(), e.name(), e.countyCode(), "110", "13", "食品加工与销售", "张三",
                "昆明市五华区人民中路 1 号", "650031", "0871-63123456", "0871-63123457", "hr@example.cn", 120);
    }

    protected Task task(String processInstanceId) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
        if (open.size() != 1) {
            throw new AssertionError("expected one open task, found " + open);
        }
        return open.get(0);
    }

    protected void decide(CurrentUser reviewer, String processInstanceId, Map<String, Object> vars) {
        signIn(reviewer);
        tasks.complete(task(processInstanceId).getId(), vars);
    }

    protected List<String> auditActions(String targetType, long targetId) {
        return jdbc.queryForList("select action from audit_log where target_type = ? and target_id = ? order by id",
                String.class, targetType, Long.toString(targetId));
    }

    protected String enterpriseState(long id) {
        return jdbc.queryForObject("select filing_state from enterprise where id = ?", String.class, id);
    }
}
