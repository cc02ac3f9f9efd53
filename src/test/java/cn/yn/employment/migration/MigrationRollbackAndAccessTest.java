package cn.yn.employment.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.accounts.UserBulkLoad;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.enterprise.EnterpriseBulkLoad;
import cn.yn.employment.report.ReportHistoryBulkLoad;
import cn.yn.employment.report.ReportService;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Rollback refused once users worked with a batch's data, and the system-administrator-only rule for every entry point. */
class MigrationRollbackAndAccessTest extends MigrationTestBase {

    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ReportService reports;
    @Autowired
    EnterpriseBulkLoad enterpriseBulk;
    @Autowired
    ReportHistoryBulkLoad reportBulk;
    @Autowired
    UserBulkLoad userBulk;

    @Test
    void aMigratedUserWhoSignedInBlocksTheRollback(@TempDir Path tmp) throws Exception {
        LegacyExportGenerator.write(tmp, 12, 3, YearMonth.of(2025, 6), 7001L, "login", false);
        signInAdmin();
        ImportReport r = migration.load(files(tmp), null);
        int enterprises = count("enterprise");

        // the user signs in through the real success path (the login form publishes this event)
        UserDetails user = userDetails.loadUserByUsername("loginent3");
        events.publishEvent(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));

        assertThatThrownBy(() -> migration.rollback(r.batchId())).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("migration.rollback.blocked");
            assertThat(e.fieldErrors()).extracting(DomainException.FieldError::messageKey).containsExactly("migration.blocker.userLoggedIn");
            assertThat(e.fieldErrors().get(0).args()).containsExactly(1);
        });
        assertThat(count("enterprise")).isEqualTo(enterprises);
        assertThat(countOfBatch("app_user", r.batchId())).isEqualTo(r.rowTotals(FileKind.USERS)[3]);
        assertThat(migration.batch(r.batchId()).rolledBack()).isFalse();
    }

    @Test
    void aReportReopenedForCorrectionAfterTheLoadBlocksTheRollback(@TempDir Path tmp) throws Exception {
        LegacyExportGenerator.write(tmp, 10, 3, YearMonth.of(2025, 6), 7002L, "corr", false);
        signInAdmin();
        ImportReport r = migration.load(files(tmp), null);
        long reportId = jdbc.queryForObject("select min(id) from report where import_batch_id = ?", Long.class, r.batchId());

        signIn(Scope.province(), Role.PROVINCE_REVIEWER);
        reports.correct(reportId, "迁移后核实发现人数有误");

        signInAdmin();
        assertThatThrownBy(() -> migration.rollback(r.batchId())).isInstanceOfSatisfying(DomainException.class, e ->
                assertThat(e.fieldErrors()).extracting(DomainException.FieldError::messageKey)
                        .contains("migration.blocker.reportChanged", "migration.blocker.reportHistory"));
        assertThat(countOfBatch("report", r.batchId())).isEqualTo(30);
    }

    @Test
    void onlyTheSystemAdministratorMigrates() {
        Map<String, ThrowingCallable> calls = Map.ofEntries(
                Map.entry("dryRun", () -> migration.dryRun(files(SAMPLE), null)),
                Map.entry("load", () -> migration.load(files(SAMPLE), null)),
                Map.entry("rollback", () -> migration.rollback(1)),
                Map.entry("batches", () -> migration.batches()),
                Map.entry("reconciliation", () -> migration.reconciliation(1)),
                Map.entry("pdf", () -> migration.reconciliationPdf(1)),
                Map.entry("mappingList", () -> mappings.list(null)),
                Map.entry("mappingSave", () -> mappings.save(MappingKind.REGION, "530999", "530102", null)),
                Map.entry("mappingDelete", () -> mappings.delete(1)),
                Map.entry("enterpriseBulk", () -> enterpriseBulk.existingByUscc()),
                Map.entry("enterpriseDelete", () -> enterpriseBulk.deleteBatch(1)),
                Map.entry("reportBulk", () -> reportBulk.existingKeys()),
                Map.entry("reportDelete", () -> reportBulk.deleteBatch(1)),
                Map.entry("userBulk", () -> userBulk.existingUsernames()),
                Map.entry("userDelete", () -> userBulk.deleteBatch(1)));
        List<Runnable> who = List.of(
                () -> signIn(Scope.enterprise(1), Role.ENTERPRISE),
                () -> signIn(Scope.city("530100"), Role.CITY_REVIEWER),
                () -> signIn(Scope.province(), Role.PROVINCE_REVIEWER),
                () -> signIn(Scope.province(), Role.LEADER),
                () -> signIn(Scope.system(), Role.PROCESS_ADMIN));
        for (Runnable signIn : who) {
            signIn.run();
            calls.forEach((name, call) -> assertThatThrownBy(call).as(name).isInstanceOf(AccessDeniedException.class));
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        calls.forEach((name, call) -> assertThatThrownBy(call).as(name + " signed out").isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void aMappingTargetMustExistInItsCodeTable() {
        signInAdmin();
        assertThatThrownBy(() -> mappings.save(MappingKind.REGION, "530999", "539999", null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field, DomainException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("target", "migration.mapping.targetInvalid.REGION")));
        assertThatThrownBy(() -> mappings.save(MappingKind.COLUMN_REPORT, "", "nonsense", null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly("source", "target"));
        MappingEntry saved = mappings.save(MappingKind.COLUMN_REPORT, "就业人数", "headcount", "另一种导出的列名");
        assertThat(mappings.list(MappingKind.COLUMN_REPORT)).contains(saved);
        mappings.delete(saved.id());
        assertThat(mappings.list(MappingKind.COLUMN_REPORT)).doesNotContain(saved);
    }
}
