package cn.yn.employment.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.statistics.Pdfs;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dry run, load, reload, reconciliation and rollback of the dirty sample export (src/test/resources/migration/sample),
 * on H2 and (-Ppostgres) PostgreSQL.
 */
class MigrationServiceTest extends MigrationTestBase {

    /** Every kind of dirty row the sample holds, by file. */
    static final Map<FileKind, Set<String>> DIRTY_KINDS = Map.of(
            FileKind.ENTERPRISES, Set.of("bomRemoved", "encodingDetected", "blankLine", "usccDuplicate", "usccMissingRegistrationNumber",
                    "usccMissingOrgCode", "usccCheckDigit", "regionMapped", "regionUnknown", "industryMapped", "industryUnknown",
                    "numberNormalised", "numberInvalid", "contactDropped"),
            FileKind.USERS, Set.of("encodingDetected", "usernameDuplicate", "usernameInvalid", "roleUnknown", "enterpriseUnknown",
                    "enterpriseRejected"),
            FileKind.REPORTS, Set.of("blankLine", "periodNormalised", "periodInvalid", "numberNormalised", "reportDuplicate",
                    "enterpriseRejected", "enterpriseUnknown", "codeMapped", "codeUnknown", "timestampDefaulted"));

    @Autowired
    Translations i18n;
    @Autowired
    RuntimeService runtime;

    @Test
    void theCommittedSampleIsTheGeneratorsOutput(@TempDir Path tmp) throws Exception {
        LegacyExportGenerator.write(tmp, 300, 12, YearMonth.of(2025, 1), 20260413L, "m", true);
        for (String f : List.of("enterprises.csv", "users.csv", "reports.csv")) {
            assertThat(Files.readAllBytes(tmp.resolve(f))).as(f).isEqualTo(Files.readAllBytes(SAMPLE.resolve(f)));
        }
    }

    @Test
    void aDryRunListsEveryDirtyRowWithItsReasonAndWritesNothing() throws Exception {
        signInAdmin();
        int enterprises = count("enterprise");
        int reports = count("report");
        int users = count("app_user");
        int batches = count("migration_batch");

        ImportReport r = migration.dryRun(files(SAMPLE), null);

        assertThat(r.dryRun()).isTrue();
        DIRTY_KINDS.forEach((file, kinds) -> assertThat(r.issues().stream().filter(i -> i.file() == file).map(RowIssue::reason)
                .collect(Collectors.toSet())).as(file.name()).containsAll(kinds));
        assertThat(r.files()).extracting(ImportReport.FileSummary::encoding).containsExactly("UTF-8 (BOM)", "GBK", "UTF-8");
        for (RowIssue i : r.issues()) {
            assertThat(i.line()).as(i.toString()).isGreaterThanOrEqualTo(i.outcome() == Outcome.NOTE ? 0 : 2);
            assertThat(i.field()).isNotBlank();
            assertThat(i18n.getTranslation(i.reasonKey(), Locale.SIMPLIFIED_CHINESE)).doesNotStartWith("!");
            assertThat(i18n.getTranslation(i.reasonKey(), Locale.ENGLISH)).doesNotStartWith("!");
        }
        // the wrong check digit names the right one, the renamed county its successor, the 2011 industry its 2017 division
        assertThat(r.issues()).anyMatch(i -> i.reason().equals("usccCheckDigit") && i.detail().contains("≠ …"));
        assertThat(r.issues()).anyMatch(i -> i.reason().equals("regionMapped") && i.detail().equals("530422 → 530481"));
        assertThat(r.issues()).anyMatch(i -> i.reason().equals("industryMapped") && i.detail().equals("83 → 84"));
        assertThat(r.issues()).anyMatch(i -> i.reason().equals("numberNormalised") && i.detail().contains(","));
        assertThat(r.issues()).anyMatch(i -> i.reason().equals("numberNormalised") && i.detail().matches(".*[０-９].*"));
        // totals per file, city and period add up; nothing is left unexplained
        assertThat(r.fullyExplained()).isTrue();
        int[] e = r.rowTotals(FileKind.ENTERPRISES);
        assertThat(e[0]).isEqualTo(dataRows("enterprises.csv")); // 300 + the duplicates; blank lines are no rows
        assertThat(e[1]).isPositive();
        assertThat(e[0]).isEqualTo(e[1] + e[2] + e[3]);
        assertThat(r.lines()).anyMatch(l -> l.table() == FileKind.REPORTS && l.cityCode().equals("530100") && l.periodCode().equals("2024-06"));
        int[] p = r.rowTotals(FileKind.REPORTS);
        assertThat(p[0]).isEqualTo(dataRows("reports.csv"));

        // nothing was written
        assertThat(count("enterprise")).isEqualTo(enterprises);
        assertThat(count("report")).isEqualTo(reports);
        assertThat(count("app_user")).isEqualTo(users);
        assertThat(count("migration_batch")).isEqualTo(batches);

        // the Excel report holds every issue and every total line
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(migration.dryRunExcel(r)))) {
            assertThat(wb.getSheet("问题清单").getLastRowNum()).isEqualTo(r.issues().size());
            assertThat(wb.getSheet("汇总对账").getLastRowNum()).isEqualTo(r.lines().size());
            assertThat(wb.getSheet("问题清单").getRow(1).getCell(4).getStringCellValue()).doesNotStartWith("!");
        }
    }

    @Test
    void anExcelExportGivesTheSameOutcomeAsTheCsv(@TempDir Path tmp) throws Exception {
        signInAdmin();
        Path dir = tmp.resolve("xlsx");
        Files.createDirectories(dir);
        CsvToXlsx.convert(SAMPLE.resolve("enterprises.csv"), dir.resolve("enterprises.xlsx"));
        ImportReport fromCsv = migration.dryRun(List.of(files(SAMPLE).get(0)), null);
        ImportReport fromXlsx = migration.dryRun(files(dir), null);
        assertThat(fromXlsx.files().get(0).encoding()).isEqualTo("xlsx");
        assertThat(fromXlsx.rowTotals(FileKind.ENTERPRISES)).containsExactly(fromCsv.rowTotals(FileKind.ENTERPRISES));
        assertThat(reasons(fromXlsx)).containsAll(reasons(fromCsv).stream().filter(x -> !x.equals("bomRemoved") && !x.equals("encodingDetected")).toList());
    }

    @Test
    void anAdministratorsChosenEncodingIsUsed() {
        signInAdmin();
        ImportFile users = files(SAMPLE).get(1);
        ImportReport r = migration.dryRun(List.of(new ImportFile(users.kind(), users.name(), "GBK", users.opener())), null);
        assertThat(r.issues()).anyMatch(i -> i.reason().equals("encodingChosen") && i.detail().equals("GBK"));
        assertThat(r.rowTotals(FileKind.USERS)[3]).isPositive();
    }

    @Test
    void aLoadAddsTheValidRowsInOneBatchAReloadAddsNothingAndTheRollbackRemovesExactlyTheBatch(@TempDir Path tmp) throws Exception {
        signInAdmin();
        // the administrator maps one old registration number to its USCC: that enterprise loads, the others stay rejected
        LegacyExportGenerator.Dirty dirty = LegacyExportGenerator.write(tmp, 300, 12, YearMonth.of(2025, 1), 20260413L, "m", true);
        String regNo = dirty.legacyRegistrationNumbers().get(0);
        String itsUscc = dirty.usccOfLegacy().get(0);
        mappings.save(MappingKind.LEGACY_ID, regNo, itsUscc, "市场监管局核实");
        int enterprises = count("enterprise");
        int reports = count("report");
        int users = count("app_user");
        long chains = runtime.createProcessInstanceQuery().count();

        ImportReport r = migration.load(files(SAMPLE), null);
        long batch = r.batchId();
        assertThat(r.issues()).anyMatch(i -> i.reason().equals("legacyIdMapped") && i.detail().startsWith(regNo));
        assertThat(jdbc.queryForObject("select count(*) from enterprise where uscc = ? and import_batch_id = ?", Integer.class,
                itsUscc, batch)).isEqualTo(1);

        // what the database holds is what the reconciliation says was loaded
        int[] e = r.rowTotals(FileKind.ENTERPRISES);
        int[] p = r.rowTotals(FileKind.REPORTS);
        int[] u = r.rowTotals(FileKind.USERS);
        assertThat(countOfBatch("enterprise", batch)).isEqualTo(e[3]).isEqualTo(count("enterprise") - enterprises);
        assertThat(countOfBatch("report", batch)).isEqualTo(p[3]).isEqualTo(count("report") - reports);
        assertThat(countOfBatch("app_user", batch)).isEqualTo(u[3]).isEqualTo(count("app_user") - users);
        assertThat(e[3]).isGreaterThan(250);
        assertThat(p[3]).isGreaterThan(3000);
        assertThat(r.fullyExplained()).isTrue();
        assertThat(migration.reconciliation(batch)).containsExactlyInAnyOrderElementsOf(r.lines());
        Long sumHeadcount = jdbc.queryForObject("select sum(headcount) from report where import_batch_id = ?", Long.class, batch);
        assertThat(r.lines().stream().filter(l -> l.table() == FileKind.REPORTS).mapToLong(ReconciliationLine::loadedEmployees).sum())
                .isEqualTo(sumHeadcount);
        // every rejected row is in the kept issue list
        assertThat(migration.issues(batch).stream().filter(i -> i.outcome() == Outcome.REJECTED)
                .map(i -> i.file() + ":" + i.line()).distinct().count()).isEqualTo(e[1] + p[1] + u[1]);

        // history: accepted, with the original times, no review chain started, previous headcount filled in
        assertThat(jdbc.queryForObject("select count(*) from report where import_batch_id = ? and (state <> 'ACCEPTED'"
                + " or process_instance_id is not null)", Integer.class, batch)).isZero();
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(chains);
        String firstUscc = Files.readAllLines(SAMPLE.resolve("enterprises.csv")).get(1).split(",")[0].replace("\uFEFF", "");
        Timestamp accepted = jdbc.queryForObject("select r.accepted_at from report r join enterprise e on e.id = r.enterprise_id"
                + " where e.uscc = ? and r.period_code = '2024-04'", Timestamp.class, firstUscc);
        assertThat(accepted.toInstant()).isEqualTo(LocalDateTime.parse("2024-05-09T16:00:00").atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(jdbc.queryForObject("select count(*) from report where import_batch_id = ? and period_code > '2024-02'"
                + " and previous_headcount is null", Integer.class, batch)).isZero();
        // users: roles and scopes, must change the password; GBK names decoded
        assertThat(jdbc.queryForObject("select count(*) from app_user where import_batch_id = ? and must_change_password = false",
                Integer.class, batch)).isZero();
        assertThat(jdbc.queryForObject("select display_name from app_user where username = 'mcity530100'", String.class))
                .isEqualTo("市级审核员530100");
        assertThat(jdbc.queryForObject("select r.role from app_user_role r join app_user u on u.id = r.user_id where u.username = 'mcity530100'",
                String.class)).isEqualTo("CITY_REVIEWER");
        assertThat(jdbc.queryForObject("select e.uscc from app_user u join enterprise e on cast(e.id as varchar(32)) = u.scope_code"
                + " where u.username = 'ment0' and u.scope_type = 'ENTERPRISE'", String.class)).isEqualTo(firstUscc);
        assertThat(r.initialPasswords()).hasSize(u[3]);

        // the reconciliation as PDF, in Chinese
        String pdf = Pdfs.text(migration.reconciliationPdf(batch));
        assertThat(pdf).contains("数据迁移对账报告").contains("昆明市").contains("历史月报").contains("全部差异均由被拒绝或已存在的行解释");

        // a reload adds nothing: every valid row is already present
        ImportReport again = migration.load(files(SAMPLE), null);
        assertThat(again.rowTotals(FileKind.ENTERPRISES)[3]).isZero();
        assertThat(again.rowTotals(FileKind.REPORTS)[3]).isZero();
        assertThat(again.rowTotals(FileKind.USERS)[3]).isZero();
        assertThat(again.rowTotals(FileKind.REPORTS)[2]).isEqualTo(p[3]);
        assertThat(again.fullyExplained()).isTrue();
        assertThat(count("enterprise") - enterprises).isEqualTo(e[3]);
        assertThat(count("report") - reports).isEqualTo(p[3]);

        // rollback: exactly the batch goes; the kept reconciliation and issues stay
        migration.rollback(again.batchId());
        migration.rollback(batch);
        assertThat(count("enterprise")).isEqualTo(enterprises);
        assertThat(count("report")).isEqualTo(reports);
        assertThat(count("app_user")).isEqualTo(users);
        assertThat(migration.batch(batch).rolledBack()).isTrue();
        assertThat(migration.reconciliation(batch)).isNotEmpty();
        assertThatThrownBy(() -> migration.rollback(batch)).isInstanceOf(DomainException.class)
                .extracting(x -> ((DomainException) x).messageKey()).isEqualTo("migration.rollback.already");
        mappings.delete(mappings.list(MappingKind.LEGACY_ID).stream().filter(m -> m.source().equals(regNo)).findFirst().orElseThrow().id());
    }

    private static int dataRows(String file) throws java.io.IOException {
        return (int) Files.readAllLines(SAMPLE.resolve(file)).stream().skip(1).filter(l -> !l.isBlank()).count();
    }

    private static Set<String> reasons(ImportReport r) {
        return r.issues().stream().map(RowIssue::reason).collect(Collectors.toSet());
    }
}
