package cn.yn.employment.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.junit.jupiter.api.Test;

/** Flyway finds our openGauss type for openGauss URLs and still uses its own type for PostgreSQL URLs. */
class OpenGaussDatabaseTypeTest {

    @Test
    void openGaussUrlsMapToTheOpenGaussTypeAndDriver() {
        var config = Flyway.configure();
        var type = DatabaseTypeRegister.getDatabaseTypeForUrl("jdbc:opengauss://127.0.0.1:5432/employment?protocolVersion=3", config);
        assertThat(type).isInstanceOf(OpenGaussDatabaseType.class);
        assertThat(type.getDriverClass("jdbc:opengauss://127.0.0.1:5432/employment", getClass().getClassLoader()))
                .isEqualTo("org.opengauss.Driver");
    }

    @Test
    void postgresqlUrlsKeepFlywaysOwnTypes() {
        var type = DatabaseTypeRegister.getDatabaseTypeForUrl("jdbc:postgresql://127.0.0.1:5432/employment", Flyway.configure());
        assertThat(type).isNotInstanceOf(OpenGaussDatabaseType.class);
        assertThat(type.getDriverClass("jdbc:postgresql://127.0.0.1:5432/employment", getClass().getClassLoader()))
                .isEqualTo("org.postgresql.Driver");
    }
}
