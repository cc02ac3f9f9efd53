package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last active system administrator may not be disabled, also when two administrators disable each other at the
 * same instant (released together by a barrier): exactly one wins, the other is told {@code lastAdministrator}, one
 * administrator stays active. Before the fix the rule was a bare count, and both could succeed.
 */
class LastAdministratorRaceTest extends FoundationTest {

    static final int ROUNDS = 5;
    static final String ADMINS = "select id from app_user where enabled = true and id in"
            + " (select user_id from app_user_role where role = 'SYSTEM_ADMIN')";

    @Autowired AccountService accounts;
    @Autowired DemoRunner runner;
    @Autowired JdbcTemplate jdbc;

    @Test
    void twoAdministratorsDisablingEachOtherAtOnceLeaveOneActive() throws Exception {
        long admin = jdbc.queryForObject("select id from app_user where username = ?", Long.class, DemoAccounts.SYSTEM_ADMIN);
        // only the demo administrator and the round's second one active, so that each race is at the edge
        List<Long> others = jdbc.queryForList(ADMINS + " and id <> ?", Long.class, admin);
        others.forEach(id -> jdbc.update("update app_user set enabled = false where id = ?", id));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> winners = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String name = "race-admin-" + round + "-" + Long.toString(System.nanoTime(), 36);
                long second = runner.callAs(DemoAccounts.SYSTEM_ADMIN, () -> accounts.create(new UserForm(name, "第二管理员",
                        null, null, Set.of(Role.SYSTEM_ADMIN), Scope.system(), "Race12345")).id());
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<String> first = pool.submit(() -> disable(barrier, DemoAccounts.SYSTEM_ADMIN, second));
                Future<String> other = pool.submit(() -> disable(barrier, name, admin));
                String a = first.get(60, TimeUnit.SECONDS);
                String b = other.get(60, TimeUnit.SECONDS);
                assertThat(List.of(a, b)).as("round %d", round).containsExactlyInAnyOrder("ok", "accounts.user.lastAdministrator");
                assertThat(jdbc.queryForList(ADMINS, Long.class)).as("round %d: active administrators", round).hasSize(1);
                winners.add("ok".equals(a) ? "admin" : "second");
                jdbc.update("update app_user set enabled = true where id = ?", admin);
                jdbc.update("update app_user set enabled = false where id = ?", second);
            }
        } finally {
            pool.shutdownNow();
            jdbc.update("update app_user set enabled = true where id = ?", admin);
            others.forEach(id -> jdbc.update("update app_user set enabled = true where id = ?", id));
        }
        System.out.printf("last administrator race: %d rounds, each 1 winner, 1 refused (winners %s)%n", ROUNDS, winners);
    }

    private String disable(CyclicBarrier barrier, String asAdmin, long target) throws Exception {
        barrier.await(30, TimeUnit.SECONDS);
        try {
            runner.runAs(asAdmin, () -> accounts.setEnabled(target, false));
            return "ok";
        } catch (DomainException e) {
            return e.messageKey();
        }
    }
}
