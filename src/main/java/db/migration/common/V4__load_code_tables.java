package db.migration.common;

import cn.yn.employment.codes.CodeType;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the five code tables from the CSVs shipped in {@code classpath:codes/} (described in docs/domain.md §2, §3, §5). Runs
 * once, in Flyway's transaction; later changes go through the versioned code-table editor.
 */
public class V4__load_code_tables extends BaseJavaMigration {

    static final LocalDate INITIAL_VALID_FROM = LocalDate.of(2000, 1, 1);

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "insert into code_entry (code_type, code, name, level, parent_code, sort_order, valid_from) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (CodeType type : CodeType.values()) {
                try (Reader in = new InputStreamReader(
                        V4__load_code_tables.class.getResourceAsStream("/codes/" + type.csv()), StandardCharsets.UTF_8)) {
                    int order = 0;
                    for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                        insert.setString(1, type.name());
                        insert.setString(2, r.get("code").trim());
                        insert.setString(3, r.get("name").trim());
                        insert.setString(4, r.isMapped("level") ? emptyToNull(r.get("level")) : null);
                        insert.setString(5, r.isMapped("parent_code") ? emptyToNull(r.get("parent_code")) : null);
                        insert.setInt(6, order++);
                        insert.setDate(7, Date.valueOf(INITIAL_VALID_FROM));
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
