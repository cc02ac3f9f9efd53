package cn.yn.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.audit.AuditQuery;
import cn.yn.employment.audit.AuditService;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoRunner;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every demo role against every protected method of the foundation's services: allowed (no
 * {@link AccessDeniedException}; a business error is fine) or refused. Scope included: the Kunming reviewer may
 * manage accounts of Kunming enterprises only, whatever id it sends.
 */
class AccessMatrixTest extends FoundationTest {

    static final List<String> USERS = List.of(DemoAccounts.ENTERPRISE, DemoAccounts.CITY_REVIEWER, DemoAccounts.PROVINCE_REVIEWER,
            DemoAccounts.LEADER, DemoAccounts.PROCESS_ADMIN, DemoAccounts.SYSTEM_ADMIN);
    static final Set<String> ADMIN = Set.of(DemoAccounts.SYSTEM_ADMIN);
    static final Set<String> ADMIN_AND_KUNMING = Set.of(DemoAccounts.SYSTEM_ADMIN, DemoAccounts.CITY_REVIEWER);

    @Autowired AccountService accounts;
    @Autowired ParameterService parameters;
    @Autowired AuditService audit;
    @Autowired CodeService codes;
    @Autowired DemoRunner runner;
    @Autowired JdbcTemplate jdbc;
    @Autowired cn.yn.employment.accounts.UserExport userExport;
    @Autowired cn.yn.employment.audit.AuditExport auditExport;
    @Autowired cn.yn.employment.enterprise.EnterpriseExport enterpriseExport;
    @Autowired cn.yn.employment.review.InboxExport inboxExport;
    @Autowired cn.yn.employment.review.InboxPages inboxPages;

    record Operation(String name, Set<String> allowed, Runnable call) {
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryMethod() {
        long kunmingEnterprise = jdbc.queryForObject("select id from enterprise where uscc = ?", Long.class, DemoAccounts.ENTERPRISE_USCC);
        long qujingEnterprise = jdbc.queryForObject("select min(id) from enterprise where city_code = '530300'", Long.class);
        long kunmingUser = runner.callAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.create(enterpriseForm("matrix-km", kunmingEnterprise)).id());
        long qujingUser = runner.callAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.create(enterpriseForm("matrix-qj", qujingEnterprise)).id());
        long adminId = runner.callAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.findByUsername(DemoAccounts.SYSTEM_ADMIN).orElseThrow().id());
        AtomicInteger n = new AtomicInteger();
        AtomicInteger day = new AtomicInteger();

        List<Operation> ops = List.of(
                new Operation("accounts.search", ADMIN, () -> accounts.search(null, null, null, 0, 10)),
                new Operation("accounts.findByUsername", ADMIN, () -> accounts.findByUsername("admin")),
                new Operation("accounts.get(admin)", ADMIN, () -> accounts.get(adminId)),
                new Operation("accounts.get(Kunming enterprise user)", ADMIN_AND_KUNMING, () -> accounts.get(kunmingUser)),
                new Operation("accounts.get(Qujing enterprise user)", ADMIN, () -> accounts.get(qujingUser)),
                new Operation("accounts.create(province reviewer)", ADMIN, () -> accounts.create(new UserForm(
                        "matrix-pr-" + n.incrementAndGet(), "审核员", null, null, Set.of(Role.PROVINCE_REVIEWER), Scope.province(), "Matrix123"))),
                new Operation("accounts.create(Kunming enterprise user)", ADMIN_AND_KUNMING,
                        () -> accounts.create(enterpriseForm("matrix-kmc-" + n.incrementAndGet(), kunmingEnterprise))),
                new Operation("accounts.create(Qujing enterprise user)", ADMIN,
                        () -> accounts.create(enterpriseForm("matrix-qjc-" + n.incrementAndGet(), qujingEnterprise))),
                new Operation("accounts.update(Kunming enterprise user)", ADMIN_AND_KUNMING,
                        () -> accounts.update(kunmingUser, enterpriseForm("matrix-km", kunmingEnterprise))),
                new Operation("accounts.update(Qujing enterprise user)", ADMIN,
                        () -> accounts.update(qujingUser, enterpriseForm("matrix-qj", qujingEnterprise))),
                new Operation("accounts.setEnabled(Qujing enterprise user)", ADMIN, () -> accounts.setEnabled(qujingUser, true)),
                new Operation("accounts.unlock(Kunming enterprise user)", ADMIN_AND_KUNMING, () -> accounts.unlock(kunmingUser)),
                new Operation("accounts.resetPassword(Qujing enterprise user)", ADMIN, () -> accounts.resetPassword(qujingUser, "Reset1234")),
                new Operation("accounts.resetPassword(admin)", ADMIN, () -> accounts.resetPassword(adminId, "x")),
                new Operation("parameters.list", ADMIN, () -> parameters.list()),
                new Operation("parameters.set", ADMIN, () -> parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, "3")),
                new Operation("audit.search", ADMIN, () -> audit.search(AuditQuery.all(), 0, 5)),
                new Operation("audit.count", ADMIN, () -> audit.count(AuditQuery.all())),
                new Operation("audit.exportCsv", ADMIN, () -> audit.exportCsv(new AuditQuery(null, "NONE", null, null, null, null))),
                new Operation("audit.verify", ADMIN, () -> audit.verify()),
                // issue 20 §3: the lists' pick-lists, pages and Excel exports
                new Operation("audit.actions", ADMIN, () -> audit.actions()),
                new Operation("audit.targetTypes", ADMIN, () -> audit.targetTypes()),
                new Operation("auditExport.write", ADMIN, () -> auditExport.write(new AuditQuery(null, "NONE", null, null, null, null),
                        java.util.Locale.SIMPLIFIED_CHINESE, java.io.OutputStream.nullOutputStream())),
                new Operation("userExport.write", ADMIN, () -> userExport.write("matrix-", java.util.Locale.SIMPLIFIED_CHINESE,
                        java.io.OutputStream.nullOutputStream())),
                new Operation("enterpriseExport.write", Set.of(DemoAccounts.CITY_REVIEWER, DemoAccounts.PROVINCE_REVIEWER, DemoAccounts.LEADER),
                        () -> enterpriseExport.write("no such enterprise", java.util.Locale.SIMPLIFIED_CHINESE, java.io.OutputStream.nullOutputStream())),
                new Operation("inboxExport.write", Set.of(DemoAccounts.CITY_REVIEWER, DemoAccounts.PROVINCE_REVIEWER),
                        () -> inboxExport.write(cn.yn.employment.review.InboxTab.DONE, null, java.util.Locale.SIMPLIFIED_CHINESE,
                                java.io.OutputStream.nullOutputStream())),
                new Operation("inboxPages.page", Set.of(DemoAccounts.CITY_REVIEWER, DemoAccounts.PROVINCE_REVIEWER),
                        () -> inboxPages.page(cn.yn.employment.review.InboxTab.TODO, null, 3, 20)),
                new Operation("inboxPages.periods", Set.of(DemoAccounts.CITY_REVIEWER, DemoAccounts.PROVINCE_REVIEWER),
                        () -> inboxPages.periods()),
                new Operation("codes.saveVersion", ADMIN, () -> codes.saveVersion(CodeType.REDUCTION_REASON, "RC01", "产业结构调整",
                        null, null, LocalDate.of(2030, 1, 1).plusDays(day.incrementAndGet()))),
                new Operation("codes.retire", ADMIN, () -> codes.retire(CodeType.REDUCTION_REASON, "NO-SUCH", LocalDate.of(2031, 1, 1))));

        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : ops) {
            for (String user : USERS) {
                boolean allowed = op.allowed().contains(user);
                tests.add(DynamicTest.dynamicTest(op.name() + " as " + user + " → " + (allowed ? "allowed" : "denied"), () ->
                        runner.runAs(user, () -> {
                            if (allowed) {
                                try {
                                    op.call().run();
                                } catch (AccessDeniedException e) {
                                    throw new AssertionError(user + " was refused " + op.name(), e);
                                } catch (RuntimeException businessError) {
                                    // allowed through the role and scope checks; the business rule may still say no
                                }
                            } else {
                                assertThatThrownBy(() -> op.call().run()).isInstanceOf(AccessDeniedException.class);
                            }
                        })));
            }
        }
        tests.add(DynamicTest.dynamicTest("an anonymous caller is refused everywhere", () -> {
            for (Operation op : ops) {
                assertThatThrownBy(() -> op.call().run()).as(op.name()).isInstanceOf(AccessDeniedException.class);
            }
        }));
        tests.add(DynamicTest.dynamicTest("everyone may read parameter values", () -> USERS.forEach(u -> runner.runAs(u, () ->
                assertThat(parameters.getInt(Parameter.LAYOFF_RATE_PERCENT)).isPositive()))));
        return tests.stream();
    }

    private static UserForm enterpriseForm(String username, long enterpriseId) {
        return new UserForm(username, "企业填报员", null, null, Set.of(Role.ENTERPRISE), Scope.enterprise(enterpriseId), "Matrix123");
    }
}
