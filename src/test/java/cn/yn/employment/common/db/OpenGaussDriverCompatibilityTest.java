package cn.yn.employment.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The whole stack through {@code org.opengauss.Driver} ({@code ./mvnw verify -Popengauss}, profiles
 * {@code test,opengauss,test-opengauss}), against PostgreSQL prepared by deploy/db/opengauss-compat-setup.sh:
 * protocolVersion=3, an md5-authenticated role, use_boolean=true and the pg_database.datcompatibility shim.
 */
@Tag("opengauss")
class OpenGaussDriverCompatibilityTest extends DatabaseStackChecks {

    @Value("${spring.datasource.driver-class-name}")
    String driverClassName;

    @Override
    String expectedVendorFolder() {
        return "postgresql";
    }

    @Test
    void connectionsComeFromTheOpenGaussDriverWithItsCompatibilitySettings() throws Exception {
        assertThat(driverClassName).isEqualTo("org.opengauss.Driver");
        try (Connection c = connection()) {
            assertThat(c.getMetaData().getURL()).startsWith("jdbc:opengauss:").contains("protocolVersion=3")
                    .contains("use_boolean=true");
            assertThat(c.unwrap(Connection.class).getClass().getName()).startsWith("org.opengauss.");
            assertThat(jdbc.queryForObject("select datcompatibility from pg_database where datname = current_database()",
                    String.class)).isEqualTo("PG");
            assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo("public");
        }
    }

    @Test
    void flywayUsesItsOpenGaussDatabaseType() throws Exception {
        try (Connection c = connection()) {
            assertThat(DatabaseTypeRegister.getDatabaseTypeForConnection(c, flyway.getConfiguration()))
                    .isInstanceOf(OpenGaussDatabaseType.class);
        }
        assertThat(DatabaseTypeRegister.getDatabaseTypeForUrl(
                "jdbc:opengauss://db:5432/employment", flyway.getConfiguration())).isInstanceOf(OpenGaussDatabaseType.class);
    }
}
