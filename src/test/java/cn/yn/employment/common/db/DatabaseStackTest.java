package cn.yn.employment.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.junit.jupiter.api.Test;

/**
 * The database checks on the suite's database: in-memory H2 by default, PostgreSQL with {@code -Ppostgres}. Its own
 * context: in the shared one, scheduler state left by other tests made the Quartz probe flaky.
 */
@org.springframework.test.context.TestPropertySource(properties = "ems.test.context=database-stack")
class DatabaseStackTest extends DatabaseStackChecks {

    @Override
    String expectedVendorFolder() {
        return isPostgres() ? "postgresql" : "h2";
    }

    @Test
    void flywaySeesTheRightDatabaseType() throws Exception {
        try (Connection c = connection()) {
            assertThat(DatabaseTypeRegister.getDatabaseTypeForConnection(c, flyway.getConfiguration()).getName())
                    .isEqualTo(isPostgres() ? "PostgreSQL" : "H2");
        }
    }

    private boolean isPostgres() {
        try (Connection c = connection()) {
            return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
