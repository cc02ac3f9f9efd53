package cn.yn.employment.migration.internal;

import cn.yn.employment.accounts.UserBulkLoad;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.codes.Email;
import cn.yn.employment.codes.PhoneNumber;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.enterprise.EnterpriseBulkLoad;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ImportFile;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.MappingKind;
import cn.yn.employment.migration.MigrationProgress;
import cn.yn.employment.migration.Outcome;
import cn.yn.employment.migration.internal.MappingStore.Mappings;
import cn.yn.employment.migration.internal.SourceTable.SourceRow;
import cn.yn.employment.migration.internal.RunLedger.Ent;
import cn.yn.employment.migration.internal.Totals.Slot;
import cn.yn.employment.report.ReportHistoryBulkLoad;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One dry run or load of a legacy export: reads the files in order (enterprises, users, reports), cleans and maps every
 * row, lists what is rejected, changed or skipped, and — when loading — hands the good rows to the owning modules' bulk
 * loads in chunks. Not thread-safe; one instance per run. The caller provides the transaction.
 */
final class ImportRun {

    static final int REPORT_CHUNK = 5000;

    record Deps(CodeService codes, EnterpriseBulkLoad enterprises, ReportHistoryBulkLoad reports, UserBulkLoad users,
                BatchStore batches) {
    }

    private final Deps deps;
    private final Mappings mappings;
    private final Long batchId;
    private final Instant now;
    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportRun.class);

    private final RunLedger ledger;
    private final FieldRules rules;
    private final UserRows userRows;
    private int enterprisesLoaded;
    private int usersLoaded;
    private int reportsLoaded;

    /** {@code batchId} null: a dry run, nothing is written. */
    ImportRun(Deps deps, Mappings mappings, Long batchId, Consumer<MigrationProgress> progress, Instant now) {
        this.deps = deps;
        this.mappings = mappings;
        this.batchId = batchId;
        this.now = now;
        this.ledger = new RunLedger(progress);
        this.rules = new FieldRules(deps.codes(), mappings);
        this.userRows = new UserRows(deps.users(), deps.codes(), mappings, ledger);
    }

    private boolean loading() {
        return batchId != null;
    }

    ImportReport run(List<ImportFile> input) {
        long start = System.nanoTime();
        Map<FileKind, ImportFile> byKind = new HashMap<>();
        input.forEach(f -> byKind.put(f.kind(), f));
        long t0 = System.nanoTime();
        Map<String, EnterpriseBulkLoad.Existing> existing = deps.enterprises().existingByUscc();
        phaseMillis.put("existingEnterprises", (System.nanoTime() - t0) / 1_000_000);
        existing.values().forEach(e -> ledger.knowEnterprise(e.uscc(), new Ent(e.id(), e.cityCode(), e.countyCode(),
                e.industrySection(), e.industryDivision(), e.registrationType(), e.baselineHeadcount())));
        if (byKind.containsKey(FileKind.ENTERPRISES)) {
            timed("enterprises", () -> enterprises(byKind.get(FileKind.ENTERPRISES), existing.keySet()));
        }
        if (byKind.containsKey(FileKind.USERS)) {
            timed("users", () -> usersLoaded = userRows.run(byKind.get(FileKind.USERS), batchId, now));
        }
        if (byKind.containsKey(FileKind.REPORTS)) {
            timed("reports", () -> reports(byKind.get(FileKind.REPORTS)));
        }
        if (loading()) {
            timed("reconciliation", () -> {
                measureLoaded();
                deps.batches().insertIssues(batchId, ledger.issues);
                deps.batches().insertLines(batchId, ledger.totals.lines());
            });
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("migration {} {}: {} ms, phases {}", loading() ? "load" : "dry run", batchId == null ? "" : batchId, millis, phaseMillis);
        if (loading()) {
            deps.batches().finish(batchId, describeFiles(), enterprisesLoaded, reportsLoaded, usersLoaded, ledger.rejected,
                    ledger.present, millis);
        }
        return new ImportReport(batchId, ledger.files, ledger.issues, ledger.totals.lines(), userRows.initialPasswords, millis);
    }

    private String describeFiles() {
        StringBuilder b = new StringBuilder();
        for (ImportReport.FileSummary f : ledger.files) {
            b.append(f.kind()).append(' ').append(f.name()).append(' ').append(f.encoding()).append(" rows=").append(f.rows())
                    .append(" sha256=").append(f.sha256()).append('\n');
        }
        return b.toString();
    }

    // --- enterprises --------------------------------------------------------------------------------------------------

    private void enterprises(ImportFile file, Set<String> existingUscc) {
        Map<String, Integer> firstLine = new HashMap<>();
        List<EnterpriseBulkLoad.Row> accepted = new ArrayList<>();
        Map<String, Ent> acceptedFacts = new HashMap<>();
        int presentHere = 0;
        try (SourceTable t = SourceTable.open(file, mappings.of(MappingKind.COLUMN_ENTERPRISE))) {
            ledger.issues.addAll(t.notes());
            int rows = 0;
            while (t.hasNext()) {
                SourceRow r = t.next();
                ledger.tick("enterprises", r.line() - 1, t.totalRows());
                if (r.blank()) {
                    ledger.issue(FileKind.ENTERPRISES, r.line(), "line", Outcome.SKIPPED, "blankLine", "", null, null);
                    continue;
                }
                rows++;
                RowCheck c = new RowCheck(FileKind.ENTERPRISES, r.line());
                String uscc = rules.resolveUscc(c, r);
                if (uscc != null && firstLine.containsKey(uscc)) {
                    c.reject("uscc", "usccDuplicate", uscc + " @" + firstLine.get(uscc));
                } else if (uscc != null) {
                    firstLine.put(uscc, r.line());
                }
                String name = r.get("name");
                if (name.isEmpty()) {
                    c.reject("name", "required", "");
                } else if (name.length() > 100) {
                    c.reject("name", "tooLong", name.length() + " > 100");
                }
                String county = rules.county(c, "countyCode", r.get("countyCode"));
                String city = county == null ? null : deps.codes().cityOf(county).orElse(null);
                c.city = city;
                String division = rules.industry(c, r.get("industryCode"));
                String section = division == null ? null : deps.codes().sectionOf(division).orElse(null);
                String regType = r.get("registrationType");
                if (!deps.codes().isRegistrationLeaf(regType)) {
                    c.reject("registrationType", regType.isEmpty() ? "required" : "registrationTypeUnknown", regType);
                }
                Long baseline = FieldRules.headcount(c, "baselineHeadcount", r.get("baselineHeadcount"), true);
                String postcode = FieldRules.contact(c, "postcode", r.get("postcode"), v -> v.matches("^\\d{6}$"));
                String phone = FieldRules.contact(c, "phone", r.get("phone"), PhoneNumber::isValid);
                String email = FieldRules.contact(c, "email", r.get("email"), Email::isValid);
                Instant filedAt = FieldRules.timestamp(c, "filedAt", r.get("filedAt"), null);
                long employees = baseline == null ? 0 : baseline;
                ledger.totals.add(FileKind.ENTERPRISES, city, "", Slot.SOURCE, employees, 0);
                if (c.rejected) {
                    ledger.rejected++;
                    if (uscc != null && !ledger.rejectedEnterpriseLines.containsKey(uscc) && !existingUscc.contains(uscc)) {
                        ledger.rejectedEnterpriseLines.put(uscc, r.line());
                    }
                    ledger.totals.add(FileKind.ENTERPRISES, city, "", Slot.REJECTED, employees, 0);
                    ledger.issues.addAll(c.issues());
                    continue;
                }
                if (existingUscc.contains(uscc)) {
                    ledger.present++;
                    presentHere++;
                    ledger.totals.add(FileKind.ENTERPRISES, city, "", Slot.PRESENT, employees, 0);
                    continue;
                }
                ledger.issues.addAll(c.issues());
                ledger.totals.add(FileKind.ENTERPRISES, city, "", Slot.LOADED, employees, 0);
                accepted.add(new EnterpriseBulkLoad.Row(uscc, uscc.substring(8, 17), name, county, city, regType, section, division,
                        FieldRules.cut(r.get("businessScope"), 500), FieldRules.cut(r.get("contactPerson"), 50), FieldRules.cut(r.get("address"), 200), postcode,
                        phone, email, baseline.intValue(), filedAt));
                acceptedFacts.put(uscc, new Ent(-(accepted.size()), city, county, section, division, regType, baseline.intValue()));
            }
            ledger.tick("enterprises", t.totalRows(), t.totalRows());
            ledger.files.add(new ImportReport.FileSummary(FileKind.ENTERPRISES, file.name(), t.encoding(), t.sha256(), rows));
        }
        ledger.presentNote(FileKind.ENTERPRISES, presentHere);
        if (loading()) {
            enterprisesLoaded = deps.enterprises().insert(batchId, accepted, now);
            Map<String, Long> ids = deps.enterprises().idsOfBatch(batchId);
            acceptedFacts.forEach((uscc, e) -> {
                long id = ids.get(uscc);
                ledger.knowEnterprise(uscc, new Ent(id, e.cityCode(), e.countyCode(), e.section(), e.division(),
                        e.registrationType(), e.baseline()));
            });
        } else {
            ledger.enterprisesByUscc.putAll(acceptedFacts);
            enterprisesLoaded = accepted.size();
        }
    }

    // --- reports ------------------------------------------------------------------------------------------------------

    private void reports(ImportFile file) {
        Set<Long> existing = deps.reports().existingKeys();
        Set<Long> seen = new HashSet<>();
        String currentMonth = YearMonth.now(java.time.Clock.fixed(now, TimeConfig.ZONE)).toString();
        List<ReportHistoryBulkLoad.Row> chunk = new ArrayList<>();
        int presentHere = 0;
        try (SourceTable t = SourceTable.open(file, mappings.of(MappingKind.COLUMN_REPORT))) {
            ledger.issues.addAll(t.notes());
            int rows = 0;
            while (t.hasNext()) {
                SourceRow r = t.next();
                if (r.line() % 500 == 0) {
                    ledger.tick("reports", r.line() - 1, t.totalRows());
                }
                if (r.blank()) {
                    ledger.issue(FileKind.REPORTS, r.line(), "line", Outcome.SKIPPED, "blankLine", "", null, null);
                    continue;
                }
                rows++;
                RowCheck c = new RowCheck(FileKind.REPORTS, r.line());
                String uscc = FieldRules.normaliseCode(r.get("uscc"));
                String mappedUscc = uscc.isEmpty() ? null : mappings.target(MappingKind.LEGACY_ID, uscc);
                if (mappedUscc != null) {
                    c.change("uscc", "legacyIdMapped", uscc + " → " + mappedUscc);
                    uscc = mappedUscc;
                }
                Ent e = ledger.enterprisesByUscc.get(uscc);
                if (uscc.isEmpty()) {
                    c.reject("uscc", "required", "");
                } else if (e == null) {
                    ledger.rejectUnknownEnterprise(c, "uscc", uscc);
                }
                c.city = e == null ? null : e.cityCode();
                String rawPeriod = r.get("period");
                String period = Values.period(rawPeriod);
                if (period == null) {
                    c.reject("period", rawPeriod.isEmpty() ? "required" : "periodInvalid", rawPeriod);
                } else if (period.compareTo(currentMonth) >= 0) {
                    c.reject("period", "periodNotClosed", period);
                    period = null;
                } else if (!period.equals(rawPeriod.strip())) {
                    c.change("period", "periodNormalised", rawPeriod + " → " + period);
                }
                c.period = period;
                Long headcount = FieldRules.headcount(c, "headcount", r.get("headcount"), true);
                Long hired = FieldRules.headcount(c, "hired", r.get("hired"), false);
                Long separated = FieldRules.headcount(c, "separated", r.get("separated"), false);
                String type = rules.code(c, "reductionType", r.get("reductionType"), CodeType.REDUCTION_TYPE, MappingKind.REDUCTION_TYPE);
                String reason = rules.code(c, "reason1", r.get("reason1"), CodeType.REDUCTION_REASON, MappingKind.REDUCTION_REASON);
                String note = r.get("reason1Note");
                if (note.length() > 500) {
                    c.reject("reason1Note", "tooLong", note.length() + " > 500");
                }
                Instant fallback = period == null ? null
                        : YearMonth.parse(period).plusMonths(1).atDay(11).atStartOfDay(TimeConfig.ZONE).toInstant();
                Instant accepted = FieldRules.timestamp(c, "acceptedAt", r.get("acceptedAt"), fallback);
                Instant submitted = FieldRules.timestamp(c, "submittedAt", r.get("submittedAt"), accepted);
                long key = e == null || period == null ? 0 : ReportHistoryBulkLoad.key(e.id() < 0 ? -e.id() + 4_000_000_000L : e.id(), period);
                if (key != 0 && !seen.add(key)) {
                    c.reject("period", "reportDuplicate", uscc + " " + period);
                }
                long employees = headcount == null ? 0 : headcount;
                long reductions = separated == null ? 0 : separated;
                ledger.totals.add(FileKind.REPORTS, c.city, c.period, Slot.SOURCE, employees, reductions);
                if (c.rejected) {
                    ledger.rejected++;
                    ledger.totals.add(FileKind.REPORTS, c.city, c.period, Slot.REJECTED, employees, reductions);
                    ledger.issues.addAll(c.issues());
                    continue;
                }
                if (e.id() > 0 && existing.contains(key)) {
                    ledger.present++;
                    presentHere++;
                    ledger.totals.add(FileKind.REPORTS, c.city, c.period, Slot.PRESENT, employees, reductions);
                    continue;
                }
                ledger.issues.addAll(c.issues());
                ledger.totals.add(FileKind.REPORTS, c.city, c.period, Slot.LOADED, employees, reductions);
                reportsLoaded++;
                if (loading()) {
                    chunk.add(new ReportHistoryBulkLoad.Row(e.id(), period, e.cityCode(), e.countyCode(), e.section(), e.division(),
                            e.registrationType(), e.baseline(), headcount.intValue(), FieldRules.toInt(hired), FieldRules.toInt(separated), type,
                            type == null ? null : deps.codes().nameOf(CodeType.REDUCTION_TYPE, type), reason,
                            reason == null ? null : deps.codes().nameOf(CodeType.REDUCTION_REASON, reason),
                            note.isEmpty() ? null : note, submitted, accepted));
                    if (chunk.size() == REPORT_CHUNK) {
                        deps.reports().insert(batchId, chunk);
                        chunk.clear();
                    }
                }
            }
            ledger.tick("reports", t.totalRows(), t.totalRows());
            ledger.files.add(new ImportReport.FileSummary(FileKind.REPORTS, file.name(), t.encoding(), t.sha256(), rows));
        }
        ledger.presentNote(FileKind.REPORTS, presentHere);
        if (loading()) {
            deps.reports().insert(batchId, chunk);
            ledger.tick("previous", 0, 1);
            timed("previousHeadcounts", () -> deps.reports().fillPreviousHeadcounts(batchId));
        }
    }

    // --- reconciliation -----------------------------------------------------------------------------------------------

    /** The loaded columns come from the database (rows tagged with the batch), not from what this run thinks it inserted. */
    private void measureLoaded() {
        Map<List<String>, long[]> e = new HashMap<>();
        deps.enterprises().totalsOfBatch(batchId).forEach(t -> e.put(List.of(t.cityCode(), ""), new long[] {t.rows(), t.baselineHeadcount(), 0}));
        ledger.totals.replaceLoaded(FileKind.ENTERPRISES, e);
        Map<List<String>, long[]> r = new HashMap<>();
        deps.reports().totalsOfBatch(batchId).forEach(t -> r.put(List.of(t.cityCode(), t.periodCode()), new long[] {t.rows(), t.headcount(), t.separated()}));
        ledger.totals.replaceLoaded(FileKind.REPORTS, r);
        Map<List<String>, long[]> u = new HashMap<>();
        deps.users().totalsOfBatch(batchId).forEach(t -> {
            String city = ledger.cityOf(new Scope(t.scopeType(), t.scopeCode()));
            u.computeIfAbsent(List.of(city, ""), k -> new long[3])[0] += t.rows();
        });
        ledger.totals.replaceLoaded(FileKind.USERS, u);
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** Runs a phase and keeps its wall time for the log line (docs/performance.md quotes it). */
    private void timed(String phase, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        phaseMillis.merge(phase, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }
}
