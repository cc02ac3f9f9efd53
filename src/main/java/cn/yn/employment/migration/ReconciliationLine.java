package cn.yn.employment.migration;

/**
 * Source vs loaded for one table, city and period (period empty for enterprises and users): rows, employees (the
 * baseline headcount of enterprises, the period-end headcount of reports) and reductions (本期减员 of reports). Every
 * source row is rejected, already present (a reload) or loaded; {@link #explained()} says the figures add up. In a dry
 * run "loaded" is what would be loaded.
 */
public record ReconciliationLine(FileKind table, String cityCode, String periodCode, int sourceRows, int rejectedRows,
                                 int presentRows, int loadedRows, long sourceEmployees, long rejectedEmployees,
                                 long presentEmployees, long loadedEmployees, long sourceReductions, long rejectedReductions,
                                 long presentReductions, long loadedReductions) {

    public boolean explained() {
        return sourceRows == rejectedRows + presentRows + loadedRows
                && sourceEmployees == rejectedEmployees + presentEmployees + loadedEmployees
                && sourceReductions == rejectedReductions + presentReductions + loadedReductions;
    }
}
