package cn.yn.employment.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoDataContributor;
import cn.yn.employment.demo.DemoRunner;
import cn.yn.employment.common.security.CurrentUserProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

class DemoSeedingTest extends FoundationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired DemoSeeder seeder;
    @Autowired DemoRunner runner;
    @Autowired DemoEnterprises enterprises;
    @Autowired CurrentUserProvider currentUser;
    @Autowired PasswordEncoder encoder;
    @Autowired PlatformTransactionManager txManager;
    @Autowired cn.yn.employment.accounts.AccountService accounts;

    @Test
    void seedsThreeHundredFiledEnterprisesOverAllCitiesAndCounties() {
        assertThat(jdbc.queryForObject("select count(*) from enterprise where filing_state = 'FILED' and filed_at is not null", Integer.class))
                .isEqualTo(DemoEnterprises.COUNT);
        assertThat(jdbc.queryForObject("select count(distinct city_code) from enterprise", Integer.class)).isEqualTo(16);
        assertThat(jdbc.queryForObject("select count(distinct county_code) from enterprise", Integer.class)).isEqualTo(129);
        List<Map<String, Object>> rows = jdbc.queryForList("select * from enterprise");
        for (Map<String, Object> r : rows) {
            String uscc = (String) r.get("uscc");
            assertThat(Uscc.isValid(uscc)).as(uscc).isTrue();
            assertThat(r.get("org_code")).isEqualTo(uscc.substring(8, 17));
            assertThat(OrganisationCode.isValid((String) r.get("org_code"))).isTrue();
            assertThat(uscc.substring(2, 8)).isEqualTo(r.get("county_code"));
            assertThat((Integer) r.get("baseline_headcount")).isBetween(10, 2000);
            assertThat(r.get("industry_division")).isNotNull();
            assertThat(r.get("registration_type")).isNotNull();
            assertThat(r.get("contact_person")).isNotNull();
        }
        assertThat(rows.stream().map(r -> r.get("name")).distinct().count()).isEqualTo(rows.size());
        Map<String, Object> demo = jdbc.queryForMap("select * from enterprise where uscc = ?", DemoAccounts.ENTERPRISE_USCC);
        assertThat(demo.get("name")).isEqualTo("云南滇池示范科技有限公司");
        assertThat(demo.get("county_code")).isEqualTo("530102");
        assertThat(demo.get("city_code")).isEqualTo("530100");
    }

    @Test
    void generationIsDeterministic() {
        var a = enterprises.generate();
        var b = enterprises.generate();
        assertThat(a).hasSize(DemoEnterprises.COUNT);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).uscc()).isEqualTo(b.get(i).uscc());
            assertThat(a.get(i).name()).isEqualTo(b.get(i).name());
        }
    }

    @Test
    void seedsOneAccountPerRoleWithTheDemoPassword() {
        long demoEnterpriseId = enterprises.idOf(DemoAccounts.ENTERPRISE_USCC);
        Map<String, Object[]> expected = Map.of(
                DemoAccounts.ENTERPRISE, new Object[]{Role.ENTERPRISE, Scope.enterprise(demoEnterpriseId)},
                DemoAccounts.CITY_REVIEWER, new Object[]{Role.CITY_REVIEWER, Scope.city("530100")},
                DemoAccounts.PROVINCE_REVIEWER, new Object[]{Role.PROVINCE_REVIEWER, Scope.province()},
                DemoAccounts.LEADER, new Object[]{Role.LEADER, Scope.province()},
                DemoAccounts.PROCESS_ADMIN, new Object[]{Role.PROCESS_ADMIN, Scope.system()},
                DemoAccounts.SYSTEM_ADMIN, new Object[]{Role.SYSTEM_ADMIN, Scope.system()});
        expected.forEach((username, roleAndScope) -> runner.runAs(username, () -> {
            CurrentUser me = currentUser.require();
            assertThat(me.roles()).containsExactly((Role) roleAndScope[0]);
            assertThat(me.scope()).isEqualTo(roleAndScope[1]);
        }));
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'admin'", String.class);
        assertThat(encoder.matches(DemoAccounts.PASSWORD, hash)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from demo_seed_marker where marker_key = 'base'", Integer.class)).isEqualTo(1);
    }

    @Test
    void seedingAgainChangesNothingAndContributorsRunOnceInOrder() {
        int enterprisesBefore = jdbc.queryForObject("select count(*) from enterprise", Integer.class);
        List<String> calls = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        DemoDataContributor second = new SecondContributor(calls);
        DemoDataContributor first = new FirstContributor(calls, currentUser);
        DemoDataContributor failing = new FailingContributor(failures, jdbc);
        DemoSeeder withContributors = new DemoSeeder(jdbc, clock, runner, accounts, enterprises,
                List.of(second, failing, first), txManager, true);

        withContributors.seed();
        withContributors.seed();

        assertThat(calls).containsExactly("first:" + DemoAccounts.SEEDER, "second");
        assertThat(jdbc.queryForObject("select count(*) from enterprise", Integer.class)).isEqualTo(enterprisesBefore);
        assertThat(failures).hasValue(2);
        // the failing contributor's transaction was rolled back, so it did not leave its row or a marker
        assertThat(jdbc.queryForObject("select count(*) from demo_seed_marker where marker_key like '%FailingContributor'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from demo_seed_marker where marker_key = 'should-not-exist'", Integer.class)).isZero();
    }

    static class FirstContributor implements DemoDataContributor {
        final List<String> calls;
        final CurrentUserProvider currentUser;
        FirstContributor(List<String> calls, CurrentUserProvider currentUser) { this.calls = calls; this.currentUser = currentUser; }
        public int order() { return 1; }
        public void contribute() { calls.add("first:" + currentUser.require().username()); }
    }

    static class SecondContributor implements DemoDataContributor {
        final List<String> calls;
        SecondContributor(List<String> calls) { this.calls = calls; }
        public int order() { return 2; }
        public void contribute() { calls.add("second"); }
    }

    static class FailingContributor implements DemoDataContributor {
        final AtomicInteger failures;
        final JdbcTemplate jdbc;
        FailingContributor(AtomicInteger failures, JdbcTemplate jdbc) { this.failures = failures; this.jdbc = jdbc; }
        public int order() { return 3; }
        public void contribute() {
            failures.incrementAndGet();
            jdbc.update("insert into demo_seed_marker (marker_key, seeded_at) values ('should-not-exist', current_timestamp)");
            throw new IllegalStateException("boom");
        }
    }
}
