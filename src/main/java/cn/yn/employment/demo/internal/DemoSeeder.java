package cn.yn.employment.demo.internal;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoDataContributor;
import cn.yn.employment.demo.DemoRunner;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Seeds the demo data on start-up: the demo enterprises and accounts once (marker {@value #BASE}), then every
 * {@link DemoDataContributor} once (marker = its class name), each in its own transaction.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
@Order(100)
class DemoSeeder implements ApplicationRunner {

    static final String BASE = "base";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DemoRunner runner;
    private final AccountService accounts;
    private final DemoEnterprises enterprises;
    private final List<DemoDataContributor> contributors;
    private final TransactionTemplate tx;
    private final boolean contributorsEnabled;

    DemoSeeder(JdbcTemplate jdbc, Clock clock, DemoRunner runner, AccountService accounts, DemoEnterprises enterprises,
               List<DemoDataContributor> contributors, PlatformTransactionManager txManager,
               @Value("${app.demo.contributors-enabled:true}") boolean contributorsEnabled) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.runner = runner;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.contributors = contributors;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.contributorsEnabled = contributorsEnabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    void seed() {
        if (!marked(BASE)) {
            runner.callAsSeeder(() -> tx.execute(s -> {
                int created = enterprises.seed();
                long demoEnterpriseId = enterprises.idOf(DemoAccounts.ENTERPRISE_USCC);
                seedAccounts(demoEnterpriseId);
                mark(BASE);
                log.info("demo data: {} enterprises and the demo accounts seeded", created);
                return null;
            }));
        }
        if (!contributorsEnabled) {
            return;
        }
        contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).forEach(c -> {
            String key = ClassUtils.getUserClass(c).getName();
            if (marked(key)) {
                return;
            }
            try {
                runner.callAsSeeder(() -> tx.execute(s -> {
                    c.contribute();
                    mark(key);
                    return null;
                }));
                log.info("demo data contributed by {}", key);
            } catch (RuntimeException e) {
                log.error("demo data contributor {} failed; it will be retried on the next start", key, e);
            }
        });
    }

    private void seedAccounts(long demoEnterpriseId) {
        account(DemoAccounts.ENTERPRISE, "张丽（滇池示范科技）", Role.ENTERPRISE, Scope.enterprise(demoEnterpriseId));
        account(DemoAccounts.CITY_REVIEWER, "王强（昆明市人社局）", Role.CITY_REVIEWER, Scope.city(DemoAccounts.ENTERPRISE_CITY));
        account(DemoAccounts.PROVINCE_REVIEWER, "李娟（省人社厅）", Role.PROVINCE_REVIEWER, Scope.province());
        account(DemoAccounts.LEADER, "赵建国（省人社厅）", Role.LEADER, Scope.province());
        account(DemoAccounts.PROCESS_ADMIN, "陈晨（流程管理员）", Role.PROCESS_ADMIN, Scope.system());
        account(DemoAccounts.SYSTEM_ADMIN, "刘洋（系统管理员）", Role.SYSTEM_ADMIN, Scope.system());
    }

    private void account(String username, String displayName, Role role, Scope scope) {
        if (accounts.findByUsername(username).isPresent()) {
            return;
        }
        accounts.create(new UserForm(username, displayName, null, null, Set.of(role), scope, DemoAccounts.PASSWORD));
    }

    private boolean marked(String key) {
        Integer n = jdbc.queryForObject("select count(*) from demo_seed_marker where marker_key = ?", Integer.class, key);
        return n != null && n > 0;
    }

    private void mark(String key) {
        jdbc.update("insert into demo_seed_marker (marker_key, seeded_at) values (?, ?)", key, Timestamp.from(clock.instant()));
    }
}
