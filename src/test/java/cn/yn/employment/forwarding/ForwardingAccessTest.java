package cn.yn.employment.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.report.AcceptedReports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Forwarding is the province reviewers' work (PRODUCT.md, province journey 5): every service method refuses leaders
 * (even province-wide), city reviewers, enterprises and both administrators, and a province reviewer held to a city;
 * the read model of accepted reports refuses everyone but the province and system jobs.
 */
class ForwardingAccessTest extends ForwardingTestBase {

    static final String P = "2019-05";

    @Autowired
    AcceptedReports acceptedReports;

    Map<String, Runnable> operations() {
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("overview", () -> forwarding.overview());
        ops.put("status", () -> forwarding.status(P));
        ops.put("preview", () -> forwarding.preview(P));
        ops.put("packages", () -> forwarding.packages(P));
        ops.put("transmissions", () -> forwarding.transmissions(P));
        ops.put("build", () -> forwarding.build(P));
        ops.put("send", () -> forwarding.send(P));
        ops.put("resend", () -> forwarding.resend(P, 0));
        ops.put("acknowledge", () -> forwarding.acknowledge(P, 0, "x"));
        ops.put("download", () -> forwarding.download(P, 0));
        return ops;
    }

    static List<CurrentUser> refused() {
        return List.of(
                new CurrentUser(9301, "leader", "领导", Set.of(Role.LEADER), Scope.province()),
                city("530100"),
                enterpriseUser(1),
                new CurrentUser(9302, "sysadmin", "系统管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system()),
                new CurrentUser(9303, "procadmin", "流程管理员", Set.of(Role.PROCESS_ADMIN), Scope.system()),
                new CurrentUser(9304, "prov-in-city", "市范围的省级账号", Set.of(Role.PROVINCE_REVIEWER), Scope.city("530100")));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleButTheProvinceReviewerIsRefused() {
        ensurePeriodWithPackage();
        return refused().stream().flatMap(user -> operations().entrySet().stream().map(op ->
                DynamicTest.dynamicTest(user.username() + " → " + op.getKey(), () -> {
                    actAs(user);
                    assertThatThrownBy(op.getValue()::run).isInstanceOf(AccessDeniedException.class);
                })));
    }

    @TestFactory
    Stream<DynamicTest> theProvinceReviewerReadsEverything() {
        ensurePeriodWithPackage();
        return Stream.of("overview", "status", "preview", "packages", "transmissions", "download").map(name ->
                DynamicTest.dynamicTest("province → " + name, () -> {
                    actAs(province());
                    operations().get(name).run();
                }));
    }

    @TestFactory
    Stream<DynamicTest> acceptedReportsAreForTheProvinceAndSystemJobsOnly() {
        return Stream.concat(
                Stream.of(city("530100"), enterpriseUser(1),
                        new CurrentUser(9302, "sysadmin", "系统管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system()))
                        .map(u -> DynamicTest.dynamicTest("refused: " + u.username(), () -> {
                            actAs(u);
                            assertThatThrownBy(() -> acceptedReports.count(P)).isInstanceOf(AccessDeniedException.class);
                            assertThatThrownBy(() -> acceptedReports.forEach(P, r -> { })).isInstanceOf(AccessDeniedException.class);
                        })),
                Stream.of(province(), new CurrentUser(0, "system:job", "job", Set.of(), Scope.system()))
                        .map(u -> DynamicTest.dynamicTest("allowed: " + u.username(), () -> {
                            ensurePeriodWithPackage();
                            actAs(u);
                            assertThat(acceptedReports.count(P)).isEqualTo(1);
                        })));
    }

    @TestFactory
    Stream<DynamicTest> onlyTheProvinceOrASystemJobMarksAPeriodForwarded() {
        ensurePeriodWithPackage();
        return Stream.of(city("530100"), new CurrentUser(9301, "leader", "领导", Set.of(Role.LEADER), Scope.province()),
                        new CurrentUser(9302, "sysadmin", "系统管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system()))
                .map(u -> DynamicTest.dynamicTest("refused: " + u.username(), () -> {
                    actAs(u);
                    assertThatThrownBy(() -> calendar.markForwarded(P)).isInstanceOf(AccessDeniedException.class);
                }));
    }

    /** Period P closed with one accepted report, so its main package exists (built on close). */
    private void ensurePeriodWithPackage() {
        if (periods.find(P).isEmpty()) {
            openPeriod(P);
            accepted(P, "530100", "530102", 100);
            close(P);
            clock.reset();
        }
        actAs(province());
        assertThat(forwarding.packages(P)).hasSize(1);
    }
}
