package cn.yn.employment.migration.internal;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.migration.MappingKind;
import cn.yn.employment.migration.internal.MappingStore.Mappings;
import cn.yn.employment.migration.internal.SourceTable.SourceRow;
import java.time.Instant;
import java.util.Locale;

/**
 * How one field of a legacy row is cleaned, checked and mapped to today's codes (USCC and legacy ids, regions,
 * industries, headcounts, contacts, timestamps, code-table values); each finding goes to the row's {@link RowCheck}.
 */
final class FieldRules {

    static final int MAX_HEADCOUNT = 1_000_000;

    private final CodeService codes;
    private final Mappings mappings;

    FieldRules(CodeService codes, Mappings mappings) {
        this.codes = codes;
        this.mappings = mappings;
    }

    /** The row's USCC: as given (checked), or found through the LEGACY_ID mapping from a registration number or organisation code. */
    String resolveUscc(RowCheck c, SourceRow r) {
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

    static String checkUscc(RowCheck c, String field, String uscc) {
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
    static String normaliseCode(String raw) {
        return Values.halfWidth(raw).replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }

    String county(RowCheck c, String field, String raw) {
        String code = Values.halfWidth(raw).strip();
        if (code.isEmpty()) {
            c.reject(field, "required", "");
            return null;
        }
        if (codes.isCounty(code)) {
            return code;
        }
        String mapped = mappings.target(MappingKind.REGION, code);
        if (mapped != null && codes.isCounty(mapped)) {
            c.change(field, "regionMapped", code + " → " + mapped);
            return mapped;
        }
        c.reject(field, "regionUnknown", code);
        return null;
    }

    String industry(RowCheck c, String raw) {
        String code = Values.halfWidth(raw).strip();
        if (code.matches("^\\d$")) {
            code = "0" + code;
        }
        if (code.isEmpty()) {
            c.reject("industryCode", "required", "");
            return null;
        }
        String mapped = mappings.target(MappingKind.INDUSTRY_2011, code);
        if (mapped != null && codes.isIndustryDivision(mapped)) {
            c.change("industryCode", "industryMapped", code + " → " + mapped);
            return mapped;
        }
        if (codes.isIndustryDivision(code)) {
            return code;
        }
        c.reject("industryCode", "industryUnknown", code);
        return null;
    }

    /** A headcount 0…1,000,000; thousands separators and full-width digits are cleaned (and reported). */
    static Long headcount(RowCheck c, String field, String raw, boolean required) {
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
    static String contact(RowCheck c, String field, String raw, java.util.function.Predicate<String> valid) {
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
    static Instant timestamp(RowCheck c, String field, String raw, Instant fallback) {
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

    /** A code of a current code table, or an old code the mapping knows; blank → null. */
    String code(RowCheck c, String field, String raw, CodeType type, MappingKind kind) {
        String v = Values.halfWidth(raw).strip();
        if (v.isEmpty()) {
            return null;
        }
        if (codes.find(type, v).isPresent()) {
            return v;
        }
        String mapped = mappings.target(kind, v);
        if (mapped != null && codes.find(type, mapped).isPresent()) {
            c.change(field, "codeMapped", v + " → " + mapped);
            return mapped;
        }
        c.reject(field, "codeUnknown", v);
        return null;
    }

    static Integer toInt(Long v) {
        return v == null ? null : v.intValue();
    }

    static String cut(String s, int max) {
        String v = Values.blankToNull(s);
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }
}
