package cn.yn.employment.migration.internal;

import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.Outcome;
import cn.yn.employment.migration.RowIssue;
import java.util.ArrayList;
import java.util.List;

/** The findings of one row; the row is rejected when any finding is. City and period are set as they become known. */
final class RowCheck {
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
