package cn.yn.employment.common.db;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.database.postgresql.PostgreSQLDatabase;

/**
 * PostgreSQL behaviour (SQL parser, schema handling, locking) for openGauss. openGauss forked PostgreSQL 9.2 and
 * reports that version, so the PostgreSQL version gate (10+ for Flyway's community edition) does not apply; our
 * scripts stay within the SQL both accept (see docs/adr/0001-database.md).
 */
class OpenGaussDatabase extends PostgreSQLDatabase {

    OpenGaussDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        super(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    public void ensureSupported(Configuration configuration) {
        ensureDatabaseIsRecentEnough("9.2");
    }
}
