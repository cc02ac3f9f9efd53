package cn.yn.employment.migration.internal;

import cn.yn.employment.accounts.PasswordPolicy;
import cn.yn.employment.accounts.UserBulkLoad;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.Email;
import cn.yn.employment.codes.PhoneNumber;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ImportFile;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.MappingKind;
import cn.yn.employment.migration.Outcome;
import cn.yn.employment.migration.internal.MappingStore.Mappings;
import cn.yn.employment.migration.internal.SourceTable.SourceRow;
import cn.yn.employment.migration.internal.Totals.Slot;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users file of a run: checks each row (username, name, roles, the scope from the unit code), and when loading
 * hands the good rows to {@code accounts.UserBulkLoad} with a random initial password each.
 */
final class UserRows {

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.@-]{3,64}$");
    private static final String PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserBulkLoad users;
    private final CodeService codes;
    private final Mappings mappings;
    private final RunLedger ledger;
    private final SecureRandom random = new SecureRandom();
    final Map<String, String> initialPasswords = new LinkedHashMap<>();

    UserRows(UserBulkLoad users, CodeService codes, Mappings mappings, RunLedger ledger) {
        this.users = users;
        this.codes = codes;
        this.mappings = mappings;
        this.ledger = ledger;
    }

    /** Checks (and, with a batch id, loads) the file; returns how many rows were (or would be) loaded. */
    int run(ImportFile file, Long batchId, java.time.Instant now) {
        boolean loading = batchId != null;
        Set<String> existing = users.existingUsernames();
        Map<String, Integer> firstLine = new HashMap<>();
        List<UserBulkLoad.Row> accepted = new ArrayList<>();
        int presentHere = 0;
        try (SourceTable t = SourceTable.open(file, mappings.of(MappingKind.COLUMN_USER))) {
            ledger.issues.addAll(t.notes());
            int rows = 0;
            while (t.hasNext()) {
                SourceRow r = t.next();
                ledger.tick("users", r.line() - 1, t.totalRows());
                if (r.blank()) {
                    ledger.issue(FileKind.USERS, r.line(), "line", Outcome.SKIPPED, "blankLine", "", null, null);
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
                String email = FieldRules.contact(c, "email", r.get("email"), Email::isValid);
                String phone = FieldRules.contact(c, "phone", r.get("phone"), PhoneNumber::isValid);
                String city = scope == null ? null : ledger.cityOf(scope);
                c.city = city;
                ledger.totals.add(FileKind.USERS, city, "", Slot.SOURCE, 0, 0);
                if (c.rejected) {
                    ledger.rejected++;
                    ledger.totals.add(FileKind.USERS, city, "", Slot.REJECTED, 0, 0);
                    ledger.issues.addAll(c.issues());
                    continue;
                }
                if (existing.contains(key)) {
                    ledger.present++;
                    presentHere++;
                    ledger.totals.add(FileKind.USERS, city, "", Slot.PRESENT, 0, 0);
                    continue;
                }
                ledger.issues.addAll(c.issues());
                ledger.totals.add(FileKind.USERS, city, "", Slot.LOADED, 0, 0);
                String password = loading ? initialPassword(username) : "";
                accepted.add(new UserBulkLoad.Row(username, displayName, email, phone, roles, scope, password));
                if (loading) {
                    initialPasswords.put(username, password);
                }
            }
            ledger.tick("users", t.totalRows(), t.totalRows());
            ledger.files.add(new ImportReport.FileSummary(FileKind.USERS, file.name(), t.encoding(), t.sha256(), rows));
        }
        ledger.presentNote(FileKind.USERS, presentHere);
        return loading ? users.insert(batchId, accepted, now) : accepted.size();
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
        String code = FieldRules.normaliseCode(raw);
        if (roles.contains(Role.ENTERPRISE)) {
            RunLedger.Ent e = ledger.enterprisesByUscc.get(code);
            if (e == null) {
                ledger.rejectUnknownEnterprise(c, "scopeCode", code);
                return null;
            }
            return Scope.enterprise(e.id());
        }
        if (roles.contains(Role.CITY_REVIEWER) || roles.contains(Role.LEADER) || roles.contains(Role.PROVINCE_REVIEWER)) {
            if (Scope.PROVINCE_CODE.equals(code)) {
                return Scope.province();
            }
            if (codes.cities().stream().anyMatch(city -> city.code().equals(code))) {
                return Scope.city(code);
            }
            c.reject("scopeCode", code.isEmpty() ? "required" : "regionUnknown", code);
            return null;
        }
        return Scope.system();
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
}
