package cn.yn.employment.migration;

/**
 * One finding of a dry run or load: the file, its line (1 = header row; 0 = the file as a whole), the field, the
 * outcome and the reason (an i18n key suffix under {@code migration.reason.}) with a detail such as "530422 → 530481".
 * City and period are those of the row where known, for the totals.
 */
public record RowIssue(FileKind file, int line, String field, Outcome outcome, String reason, String detail, String cityCode,
                       String periodCode) {

    public String reasonKey() {
        return "migration.reason." + reason;
    }
}
