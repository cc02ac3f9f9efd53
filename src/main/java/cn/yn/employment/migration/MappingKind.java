package cn.yn.employment.migration;

/**
 * The kinds of mapping entries. Column kinds map a column header of a file to a field; code kinds map an old code to an
 * entry of today's code tables (or, for LEGACY_ID, an old registration number or organisation code to the USCC).
 */
public enum MappingKind {
    COLUMN_ENTERPRISE(FileKind.ENTERPRISES),
    COLUMN_USER(FileKind.USERS),
    COLUMN_REPORT(FileKind.REPORTS),
    REGION(null),
    INDUSTRY_2011(null),
    ROLE(null),
    REDUCTION_TYPE(null),
    REDUCTION_REASON(null),
    LEGACY_ID(null);

    private final FileKind columnsOf;

    MappingKind(FileKind columnsOf) {
        this.columnsOf = columnsOf;
    }

    public boolean column() {
        return columnsOf != null;
    }

    public static MappingKind columnsOf(FileKind kind) {
        for (MappingKind k : values()) {
            if (k.columnsOf == kind) {
                return k;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }
}
