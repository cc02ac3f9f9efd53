package cn.yn.employment.migration;

import java.util.List;
import java.util.Map;

/** The fields a column can be mapped to, per file (docs/migration.md describes each). */
public final class MigrationFields {

    private static final Map<FileKind, List<String>> FIELDS = Map.of(
            FileKind.ENTERPRISES, List.of("uscc", "registrationNumber", "orgCode", "name", "countyCode", "registrationType",
                    "industryCode", "businessScope", "contactPerson", "address", "postcode", "phone", "email",
                    "baselineHeadcount", "filedAt"),
            FileKind.USERS, List.of("username", "displayName", "roles", "scopeCode", "email", "phone"),
            FileKind.REPORTS, List.of("uscc", "period", "headcount", "hired", "separated", "reductionType", "reason1",
                    "reason1Note", "submittedAt", "acceptedAt"));

    private MigrationFields() {
    }

    public static List<String> of(FileKind kind) {
        return FIELDS.get(kind);
    }
}
