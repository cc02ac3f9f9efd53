package cn.yn.employment.migration.internal;

import cn.yn.employment.accounts.PasswordPolicy;
import cn.yn.employment.accounts.UserBulkLoad;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.codes.Email;
import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.PhoneNumber;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.enterprise.EnterpriseBulkLoad;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ImportFile;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.MappingKind;
import cn.yn.employment.migration.MigrationProgress;
import cn.yn.employment.migration.Outcome;
import cn.yn.employment.migration.RowIssue;
import cn.yn.employment.migration.internal.MappingStore.Mappings;
import cn.yn.employment.migration.internal.SourceTable.SourceRow;
import cn.yn.employment.migration.internal.Totals.Slot;
import cn.yn.employment.report.ReportHistoryBulkLoad;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One dry run or load of a legacy export: reads the files in order (enterprises, users, reports), cleans and maps every
 * row, lists what is rejected, changed or skipped, and — when loading — hands the good rows to the owning modules' bulk
 * loads in chunks. Not thread-safe; one instance per run. The caller provides the transaction.
 */
final class ImportRun {

    static final int REPORT_CHUNK = 5000;
    static final int MAX_HEADCOUNT = 1_000_000;
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.@-]{3,64}$");
    private static final String PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    record Deps(CodeService codes, EnterpriseBulkLoad enterprises, ReportHistoryBulkLoad reports, UserBulkLoad users,
                BatchStore batches) {
    }

    /** What reports and users need of an enterprise of the file or the database; id &lt; 0 for one not inserted (dry run). */
    private record Ent(long id, String cityCode, String countyCode, String section, String division, String registrationType,
                       int baseline) {
    }

    private final Deps deps;
    private final Mappings mappings;
    private final Long batchId;
    private final Consumer<MigrationProgress> progress;
    private final Instant now;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportRun.class);

    private final List<RowIssue> issues = new ArrayList<>();
    private final List<ImportReport.FileSummary> files = new ArrayList<>();
    private final Totals totals = new Totals();
    private final Map<String, Ent> enterprisesByUscc = new HashMap<>();
    private final Map<String, Integer> rejectedEnterpriseLines = new HashMap<>();
    private final Map<Long, String> cityOfEnterpriseId = new HashMap<>();
    private final Map<String, String> initialPasswords = new LinkedHashMap<>();
    private int enterprisesLoaded;
    private int usersLoaded;
    private int reportsLoaded;
    private int rejected;
    private int present;

    /** {@code batchId} null: a dry run, nothing is written. */
    ImportRun(Deps deps, Mappings mappings, Long batchId, Consumer<MigrationProgress> progress, Instant now) {
        this.deps = deps;
        this.mappings = mappings;
        this.batchId = batchId;
        this.progress = progress;
        this.now = now;
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
        existing.values().forEach(e -> {
            enterprisesByUscc.put(e.uscc(), new Ent(e.id(), e.cityCode(), e.countyCode(), e.industrySection(), e.industryDivision(),
                    e.registrationType(), e.baselineHeadcount()));
            cityOfEnterpriseId.put(e.id(), e.cityCode());
        });
        if (byKind.containsKey(FileKind.ENTERPRISES)) {
            timed("enterprises", () -> enterprises(byKind.get(FileKind.ENTERPRISES), existing.keySet()));
        }
        if (byKind.containsKey(FileKind.USERS)) {
            timed("users", () -> users(byKind.get(FileKind.USERS)));
        }
        if (byKind.containsKey(FileKind.REPORTS)) {
            timed("reports", () -> reports(byKind.get(FileKind.REPORTS)));
        }
        if (loading()) {
            timed("reconciliation", () -> {
                measureLoaded();
                deps.batches().insertIssues(batchId, issues);
                deps.batches().insertLines(batchId, totals.lines());
            });
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("migration {} {}: {} ms, phases {}", loading() ? "load" : "dry run", batchId == null ? "" : batchId, millis, phaseMillis);
        if (loading()) {
            deps.batches().finish(batchId, describeFiles(), enterprisesLoaded, reportsLoaded, usersLoaded, rejected, present, millis);
        }
        return new ImportReport(batchId, files, issues, totals.lines(), initialPasswords, millis);
    }

    private String describeFiles() {
        StringBuilder b = new StringBuilder();
        for (ImportReport.FileSummary f : files) {
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
            issues.addAll(t.notes());
            int rows = 0;
            while (t.hasNext()) {
                SourceRow r = t.next();
                tick("enterprises", r.line() - 1, t.totalRows());
                if (r.blank()) {
                    issue(FileKind.ENTERPRISES, r.line(), "line", Outcome.SKIPPED, "blankLine", "", null, null);
                    continue;
                }
                rows++;
                RowCheck c = new RowCheck(FileKind.ENTERPRISES, r.line());
                String uscc = resolveUscc(c, r);
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
                String county = county(c, "countyCode", r.get("countyCode"));
                String city = county == null ? null : deps.codes().cityOf(county).orElse(null);
                c.city = city;
                String division = industry(c, r.get("industryCode"));
                String section = division == null ? null : deps.codes().sectionOf(division).orElse(null);
                String regType = r.get("registrationType");
                if (!deps.codes().isRegistrationLeaf(regType)) {
                    c.reject("registrationType", regType.isEmpty() ? "required" : "registrationTypeUnknown", regType);
                }
                Long baseline = headcount(c, "baselineHeadcount", r.get("baselineHeadcount"), true);
                String postcode = contact(c, "postcode", r.get("postcode"), v -> v.matches("^\\d{6}$"));
                String phone = contact(c, "phone", r.get("phone"), PhoneNumber::isValid);
                String email = contact(c, "email", r.get("email"), Email::isValid);
                Instant filedAt = timestamp(c, "filedAt", r.get("filedAt"), null);
                long employees = baseline == null ? 0 : baseline;
                totals.add(FileKind.ENTERPRISES, city, "", Slot.SOURCE, employees, 0);
                if (c.rejected) {
                    rejected++;
                    if (uscc != null && !rejectedEnterpriseLines.containsKey(uscc) && !existingUscc.contains(uscc)) {
                        rejectedEnterpriseLines.put(uscc, r.line());
                    }
                    totals.add(FileKind.ENTERPRISES, city, "", Slot.REJECTED, employees, 0);
                    issues.addAll(c.issues());
                    continue;
                }
                if (existingUscc.contains(uscc)) {
                    present++;
                    presentHere++;
                    totals.add(FileKind.ENTERPRISES, city, "", Slot.PRESENT, employees, 0);
                    continue;
                }
                issues.addAll(c.issues());
                totals.add(FileKind.ENTERPRISES, city, "", Slot.LOADED, employees, 0);
                accepted.add(new EnterpriseBulkLoad.Row(uscc, uscc.substring(8, 17), name, county, city, regType, section, division,
                        cut(r.get("businessScope"), 500), cut(r.get("contactPerson"), 50), cut(r.get("address"), 200), postcode,
                        phone, email, baseline.intValue(), filedAt));
                acceptedFacts.put(uscc, new Ent(-(accepted.size()), city, county, section, division, regType, baseline.intValue()));
            }
            tick("enterprises", t.totalRows(), t.totalRows());
            files.add(new ImportReport.FileSummary(FileKind.ENTERPRISES, file.name(), t.encoding(), t.sha256(), rows));
        }
        presentNote(FileKind.ENTERPRISES, presentHere);
        if (loading()) {
            enterprisesLoaded = deps.enterprises().insert(batchId, accepted, now);
            Map<String, Long> ids = deps.enterprises().idsOfBatch(batchId);
            acceptedFacts.forEach((uscc, e) -> {
                long id = ids.get(uscc);
                enterprisesByUscc.put(uscc, new Ent(id, e.cityCode(), e.countyCode(), e.section(), e.division(),
                        e.registrationType(), e.baseline()));
                cityOfEnterpriseId.put(id, e.cityCode());
            });
        } else {
            enterprisesByUscc.putAll(acceptedFacts);
            enterprisesLoaded = accepted.size();
        }
    }

    /** The row's USCC: as given (checked), or found through the LEGACY_ID mapping from a registration number or organisation code. */
    private String resolveUscc(RowCheck c, SourceRow r) {
        String raw = normaliseCode(r.get("uscc"));
        if (!raw.isEmpty()) {
            return checkUscc(c, "uscc", raw);
        }
        String regNo = normaliseCode(r.get("registrationNumber"));
        String org = normaliseCode(r.get("orgCode"));
        for (String legacy : new String[] {regNo, org}) {
            String mapped = legacy.isEmpty() ? null : mappings.target(MappingKind.LEGACY_ID, legacy);
            if (mapped != null) {
                c.change("uscc", "legacyIdMapped", legacy + " → " + mapped);
                return checkUscc(c, "uscc", mapped);
            }
        }
        if (!regNo.isEmpty()) {
            c.reject("uscc", regNo.matches("^\\d{15}$") ? "usccMissingRegistrationNumber" : "usccMissingRegistrationNumberInvalid", regNo);
        } else if (!org.isEmpty()) {
            c.reject("uscc", OrganisationCode.isValid(org) ? "usccMissingOrgCode" : "usccMissingOrgCodeInvalid", org);
        } else {
            c.reject("uscc", "required", "");
        }
        return null;
    }

    private static String checkUscc(RowCheck c, String field, String uscc) {
        if (!uscc.matches("^[0-9A-HJ-NPQRTUWXY]{18}$")) {
            c.reject(field, "usccFormat", uscc);
            return null;
        }
        if (!Uscc.isValid(uscc)) {
            c.reject(field, "usccCheckDigit", uscc + " ≠ …" + Uscc.checkCharFor(uscc.substring(0, 17)));
            return null;
        }
        return uscc;
    }

    /** Upper case, half-width, without spaces and hyphens ("12345678-9" → "123456789"). */
    private static String normaliseCode(String raw) {
        return Values.halfWidth(raw).replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }

    private String county(RowCheck c, String field, String raw) {
        String code = Values.halfWidth(raw).strip();
        if (code.isEmpty()) {
            c.reject(field, "required", "");
            return null;
        }
        if (deps.codes().isCounty(code)) {
            return code;
        }
        String mapped = mappings.target(MappingKind.REGION, code);
        if (mapped != null && deps.codes().isCounty(mapped)) {
            c.change(field, "regionMapped", code + " → " + mapped);
            return mapped;
        }
        c.reject(field, "regionUnknown", code);
        return null;
    }

    private String industry(RowCheck c, String raw) {
        String code = Values.halfWidth(raw).strip();
        if (code.matches("^\\d$")) {
            code = "0" + code;
        }
        if (code.isEmpty()) {
            c.reject("industryCode", "required", "");
            return null;
        }
        String mapped = mappings.target(MappingKind.INDUSTRY_2011, code);
        if (mapped != null && deps.codes().isIndustryDivision(mapped)) {
            c.change("industryCode", "industryMapped", code + " → " + mapped);
            return mapped;
        }
        if (deps.codes().isIndustryDivision(code)) {
            return code;
        }
        c.reject("industryCode", "industryUnknown", code);
        return null;
    }

    /** A headcount 0…1,000,000; thousands separators and full-width digits are cleaned (and reported). */
    private static Long headcount(RowCheck c, String field, String raw, boolean required) {
        if (raw.isBlank()) {
            if (required) {
                c.reject(field, "required", "");
            }
            return null;
        }
        Values.Number n = Values.integer(raw);
        if (n.value() == null) {
            c.reject(field, "numberInvalid", raw);
            return null;
        }
        if (n.value() < 0 || n.value() > MAX_HEADCOUNT) {
            c.reject(field, "numberRange", raw);
            return null;
        }
        if (n.normalised()) {
            c.change(field, "numberNormalised", raw + " → " + n.value());
        }
        return n.value();
    }

    /** An optional contact value; an invalid one is left empty rather than losing the row. */
    private static String contact(RowCheck c, String field, String raw, java.util.function.Predicate<String> valid) {
        String v = Values.halfWidth(raw).strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!valid.test(v)) {
            c.change(field, "contactDropped", v);
            return null;
        }
        return v;
    }

    /** A timestamp; missing or unreadable → {@code fallback} (reported) or null. */
    private static Instant timestamp(RowCheck c, String field, String raw, Instant fallback) {
        if (raw.isBlank()) {
            if (fallback != null) {
                c.change(field, "timestampDefaulted", "");
            }
            return fallback;
        }
        Instant t = Values.instant(raw);
        if (t == null) {
            c.change(field, "timestampDefaulted", raw);
            return fallback;
        }
        return t;
    }

    // --- users --------------------------------------------------------------------------------------------------------

    private void users(ImportFile file) {
        Set<String> existing = deps.users().existingUsernames();
        Map<String, Integer> firstLine = new HashMap<>();
        List<UserBulkLoad.Row> accepted = new ArrayList<>();
        int presentHere = 0;
        try (SourceTable t = SourceTable.open(file, mappings.of(MappingKind.COLUMN_USER))) {
            issues.addAll(t.notes());
            int rows = 0;
            while (t.hasNext()) {
                SourceRow r = t.next();
                tick("users", r.line() - 1, t.totalRows());
                if (r.blank()) {
                    issue(FileKind.USERS, r.line(), "line", Outcome.SKIPPED, "blankLine", "", null, null);
                    continue;
                }
                rows++;
                RowCheck c = new RowCheck(FileKind.USERS, r.line());
                String username = r.get("username");
                String key = username.toLowerCase(Locale.ROOT);
                if (!USERNAME.matcher(username).matches()) {
                    c.reject("username", username.isEmpty() ? "required" : "usernameInvalid", username);
                } else if (firstLine.containsKey(key)) {
                    c.reject("username", "usernameDuplicate", username + " @" + firstLine.get(key));
                } else {
                    firstLine.put(key, r.line());
                }
                String displayName = r.get("displayName");
                if (displayName.isEmpty() || displayName.length() > 100) {
                    c.reject("displayName", displayName.isEmpty() ? "required" : "tooLong", displayName);
                }
                Set<Role> roles = roles(c, r.get("roles"));
                Scope scope = roles.isEmpty() ? null : scope(c, roles, r.get("scopeCode"));
                if (scope != null && UserBulkLoad.scopeError(roles, scope) != null) {
                    c.reject("scopeCode", "scopeInvalid", r.get("scopeCode"));
                    scope = null;
                }
                String email = contact(c, "email", r.get("email"), Email::isValid);
                String phone = contact(c, "phone", r.get("phone"), PhoneNumber::isValid);
                String city = scope == null ? null : cityOf(scope);
                c.city = city;
                totals.add(FileKind.USERS, city, "", Slot.SOURCE, 0, 0);
                if (c.rejected) {
                    rejected++;
                    totals.add(FileKind.USERS, city, "", Slot.REJECTED, 0, 0);
                    issues.addAll(c.issues());
                    continue;
                }
                if (existing.contains(key)) {
                    present++;
                    presentHere++;
                    totals.add(FileKind.USERS, city, "", Slot.PRESENT, 0, 0);
                    continue;
                }
                issues.addAll(c.issues());
                totals.add(FileKind.USERS, city, "", Slot.LOADED, 0, 0);
                String password = loading() ? initialPassword(username) : "";
                accepted.add(new UserBulkLoad.Row(username, displayName, email, phone, roles, scope, password));
                if (loading()) {
                    initialPasswords.put(username, password);
                }
            }
            tick("users", t.totalRows(), t.totalRows());
            files.add(new ImportReport.FileSummary(FileKind.USERS, file.name(), t.encoding(), t.sha256(), rows));
        }
        presentNote(FileKind.USERS, presentHere);
        usersLoaded = loading() ? deps.users().insert(batchId, accepted, now) : accepted.size();
    }

    private Set<Role> roles(RowCheck c, String raw) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (raw.isBlank()) {
            c.reject("roles", "required", "");
            return roles;
        }
        for (String part : raw.split("[;,、，/；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String mapped = mappings.target(MappingKind.ROLE, part.strip());
            String name = mapped != null ? mapped : part.strip().toUpperCase(Locale.ROOT);
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                c.reject("roles", "roleUnknown", part);
            }
        }
        return roles;
    }

    /** The scope the roles need, from the unit code: a USCC for enterprise users, a city code for city users, 530000 for the province. */
    private Scope scope(RowCheck c, Set<Role> roles, String raw) {
        String code = normaliseCode(raw);
        if (roles.contains(Role.ENTERPRISE)) {
            Ent e = enterprisesByUscc.get(code);
            if (e == null) {
                Integer line = rejectedEnterpriseLines.get(code);
                c.reject("scopeCode", line != null ? "enterpriseRejected" : "enterpriseUnknown", code + (line != null ? " @" + line : ""));
                return null;
            }
            return Scope.enterprise(e.id());
        }
        if (roles.contains(Role.CITY_REVIEWER) || roles.contains(Role.LEADER) || roles.contains(Role.PROVINCE_REVIEWER)) {
            if (Scope.PROVINCE_CODE.equals(code)) {
                return Scope.province();
            }
            if (deps.codes().cities().stream().anyMatch(city -> city.code().equals(code))) {
                return Scope.city(code);
            }
            c.reject("scopeCode", code.isEmpty() ? "required" : "regionUnknown", code);
            return null;
        }
        return Scope.system();
    }

    private String cityOf(Scope s) {
        return switch (s.type()) {
            case ENTERPRISE -> cityOfEnterpriseId.getOrDefault(s.enterpriseId(),
                    enterprisesByUscc.values().stream().filter(e -> e.id() == s.enterpriseId()).map(Ent::cityCode).findFirst().orElse(""));
            case CITY -> s.code();
            case PROVINCE -> Scope.PROVINCE_CODE;
            case SYSTEM -> "";
        };
    }

    /** A random password the policy accepts: 12 characters with letters and digits, not containing the username. */
    private String initialPassword(String username) {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                b.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
            }
            String p = b.toString();
            if (PasswordPolicy.violations(username, p).isEmpty()) {
                return p;
            }
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
            issues.addAll(t.notes());
            int rows = 0;
            while (t.hasNext()) {
                SourceRow r = t.next();
                if (r.line() % 500 == 0) {
                    tick("reports", r.line() - 1, t.totalRows());
                }
                if (r.blank()) {
                    issue(FileKind.REPORTS, r.line(), "line", Outcome.SKIPPED, "blankLine", "", null, null);
                    continue;
                }
                rows++;
                RowCheck c = new RowCheck(FileKind.REPORTS, r.line());
                String uscc = normaliseCode(r.get("uscc"));
                String mappedUscc = uscc.isEmpty() ? null : mappings.target(MappingKind.LEGACY_ID, uscc);
                if (mappedUscc != null) {
                    c.change("uscc", "legacyIdMapped", uscc + " → " + mappedUscc);
                    uscc = mappedUscc;
                }
                Ent e = enterprisesByUscc.get(uscc);
                if (uscc.isEmpty()) {
                    c.reject("uscc", "required", "");
                } else if (e == null) {
                    Integer line = rejectedEnterpriseLines.get(uscc);
                    c.reject("uscc", line != null ? "enterpriseRejected" : "enterpriseUnknown", uscc + (line != null ? " @" + line : ""));
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
                Long headcount = headcount(c, "headcount", r.get("headcount"), true);
                Long hired = headcount(c, "hired", r.get("hired"), false);
                Long separated = headcount(c, "separated", r.get("separated"), false);
                String type = code(c, "reductionType", r.get("reductionType"), CodeType.REDUCTION_TYPE, MappingKind.REDUCTION_TYPE);
                String reason = code(c, "reason1", r.get("reason1"), CodeType.REDUCTION_REASON, MappingKind.REDUCTION_REASON);
                String note = r.get("reason1Note");
                if (note.length() > 500) {
                    c.reject("reason1Note", "tooLong", note.length() + " > 500");
                }
                Instant fallback = period == null ? null
                        : YearMonth.parse(period).plusMonths(1).atDay(11).atStartOfDay(TimeConfig.ZONE).toInstant();
                Instant accepted = timestamp(c, "acceptedAt", r.get("acceptedAt"), fallback);
                Instant submitted = timestamp(c, "submittedAt", r.get("submittedAt"), accepted);
                long key = e == null || period == null ? 0 : ReportHistoryBulkLoad.key(e.id() < 0 ? -e.id() + 4_000_000_000L : e.id(), period);
                if (key != 0 && !seen.add(key)) {
                    c.reject("period", "reportDuplicate", uscc + " " + period);
                }
                long employees = headcount == null ? 0 : headcount;
                long reductions = separated == null ? 0 : separated;
                totals.add(FileKind.REPORTS, c.city, c.period, Slot.SOURCE, employees, reductions);
                if (c.rejected) {
                    rejected++;
                    totals.add(FileKind.REPORTS, c.city, c.period, Slot.REJECTED, employees, reductions);
                    issues.addAll(c.issues());
                    continue;
                }
                if (e.id() > 0 && existing.contains(key)) {
                    present++;
                    presentHere++;
                    totals.add(FileKind.REPORTS, c.city, c.period, Slot.PRESENT, employees, reductions);
                    continue;
                }
                issues.addAll(c.issues());
                totals.add(FileKind.REPORTS, c.city, c.period, Slot.LOADED, employees, reductions);
                reportsLoaded++;
                if (loading()) {
                    chunk.add(new ReportHistoryBulkLoad.Row(e.id(), period, e.cityCode(), e.countyCode(), e.section(), e.division(),
                            e.registrationType(), e.baseline(), headcount.intValue(), toInt(hired), toInt(separated), type,
                            type == null ? null : deps.codes().nameOf(CodeType.REDUCTION_TYPE, type), reason,
                            reason == null ? null : deps.codes().nameOf(CodeType.REDUCTION_REASON, reason),
                            note.isEmpty() ? null : note, submitted, accepted));
                    if (chunk.size() == REPORT_CHUNK) {
                        deps.reports().insert(batchId, chunk);
                        chunk.clear();
                    }
                }
            }
            tick("reports", t.totalRows(), t.totalRows());
            files.add(new ImportReport.FileSummary(FileKind.REPORTS, file.name(), t.encoding(), t.sha256(), rows));
        }
        presentNote(FileKind.REPORTS, presentHere);
        if (loading()) {
            deps.reports().insert(batchId, chunk);
            tick("previous", 0, 1);
            timed("previousHeadcounts", () -> deps.reports().fillPreviousHeadcounts(batchId));
        }
    }

    /** A code of a current code table, or an old code the mapping knows; blank → null. */
    private String code(RowCheck c, String field, String raw, CodeType type, MappingKind kind) {
        String v = Values.halfWidth(raw).strip();
        if (v.isEmpty()) {
            return null;
        }
        if (deps.codes().find(type, v).isPresent()) {
            return v;
        }
        String mapped = mappings.target(kind, v);
        if (mapped != null && deps.codes().find(type, mapped).isPresent()) {
            c.change(field, "codeMapped", v + " → " + mapped);
            return mapped;
        }
        c.reject(field, "codeUnknown", v);
        return null;
    }

    private static Integer toInt(Long v) {
        return v == null ? null : v.intValue();
    }

    // --- reconciliation -----------------------------------------------------------------------------------------------

    /** The loaded columns come from the database (rows tagged with the batch), not from what this run thinks it inserted. */
    private void measureLoaded() {
        Map<List<String>, long[]> e = new HashMap<>();
        deps.enterprises().totalsOfBatch(batchId).forEach(t -> e.put(List.of(t.cityCode(), ""), new long[] {t.rows(), t.baselineHeadcount(), 0}));
        totals.replaceLoaded(FileKind.ENTERPRISES, e);
        Map<List<String>, long[]> r = new HashMap<>();
        deps.reports().totalsOfBatch(batchId).forEach(t -> r.put(List.of(t.cityCode(), t.periodCode()), new long[] {t.rows(), t.headcount(), t.separated()}));
        totals.replaceLoaded(FileKind.REPORTS, r);
        Map<List<String>, long[]> u = new HashMap<>();
        deps.users().totalsOfBatch(batchId).forEach(t -> {
            String city = cityOf(new Scope(t.scopeType(), t.scopeCode()));
            u.computeIfAbsent(List.of(city, ""), k -> new long[3])[0] += t.rows();
        });
        totals.replaceLoaded(FileKind.USERS, u);
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** Runs a phase and keeps its wall time for the log line (docs/performance.md quotes it). */
    private void timed(String phase, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        phaseMillis.merge(phase, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }

    private void presentNote(FileKind kind, int n) {
        if (n > 0) {
            issue(kind, 0, "file", Outcome.NOTE, "alreadyPresent", Integer.toString(n), null, null);
        }
    }

    private void issue(FileKind kind, int line, String field, Outcome outcome, String reason, String detail, String city, String period) {
        issues.add(new RowIssue(kind, line, field, outcome, reason, detail, city, period));
    }

    private void tick(String phase, long done, long total) {
        if (progress != null) {
            progress.accept(new MigrationProgress(phase, Math.max(0, done), total));
        }
    }

    private static String cut(String s, int max) {
        String v = Values.blankToNull(s);
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }

    /** The findings of one row; the row is rejected when any finding is. City and period are set as they become known. */
    private static final class RowCheck {
        private record Finding(String field, Outcome outcome, String reason, String detail) {
        }

        final FileKind file;
        final int line;
        final List<Finding> found = new ArrayList<>(2);
        boolean rejected;
        String city;
        String period;

        RowCheck(FileKind file, int line) {
            this.file = file;
            this.line = line;
        }

        void reject(String field, String reason, String detail) {
            rejected = true;
            found.add(new Finding(field, Outcome.REJECTED, reason, detail));
        }

        void change(String field, String reason, String detail) {
            found.add(new Finding(field, Outcome.CHANGED, reason, detail));
        }

        /** The findings with the row's city and period, once the row is checked. */
        List<RowIssue> issues() {
            return found.stream().map(f -> new RowIssue(file, line, f.field(), f.outcome(), f.reason(), f.detail(), city, period)).toList();
        }
    }
}
