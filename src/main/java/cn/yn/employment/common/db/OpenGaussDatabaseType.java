package cn.yn.employment.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.database.postgresql.PostgreSQLDatabaseType;

/**
 * Teaches Flyway about openGauss, which speaks the PostgreSQL protocol and SQL but is not recognised by Flyway:
 * <ul>
 * <li>Flyway maps JDBC URLs to database types; {@code jdbc:opengauss:} (the only prefix {@code org.opengauss.Driver}
 * accepts) and {@code jdbc:gaussdb:} are unknown to it, so {@code spring.flyway.url} or the Flyway CLI/Maven plugin
 * could not connect. This type claims them and names the openGauss driver.</li>
 * <li>Through a {@code DataSource} Flyway picks the type by product name; the openGauss driver reports
 * "PostgreSQL", but an openGauss server reports version 9.2, which Flyway's community PostgreSQL support refuses
 * (it needs 10+). This type claims connections made by the openGauss driver or to an openGauss server and uses
 * {@link OpenGaussDatabase}, which accepts that version.</li>
 * </ul>
 * Registered with {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}; a higher priority than the
 * PostgreSQL (0) and CockroachDB (1) types, so it is asked first. See docs/adr/0001-database.md.
 */
public class OpenGaussDatabaseType extends PostgreSQLDatabaseType {

    static final String DRIVER = "org.opengauss.Driver";

    @Override
    public String getName() {
        return "openGauss";
    }

    @Override
    public int getPriority() {
        return 2;
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return isOpenGaussUrl(url);
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return DRIVER;
    }

    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
            Connection connection) {
        if (!databaseProductName.startsWith("PostgreSQL") && !databaseProductName.contains("openGauss")) {
            return false;
        }
        try {
            String url = connection.getMetaData().getURL();
            if (url != null && isOpenGaussUrl(url)) {
                return true;
            }
        } catch (SQLException e) {
            return false;
        }
        String version = getSelectVersionOutput(connection);
        return version.contains("openGauss") || version.contains("GaussDB");
    }

    @Override
    public Database createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        return new OpenGaussDatabase(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    static boolean isOpenGaussUrl(String url) {
        return url.startsWith("jdbc:opengauss:") || url.startsWith("jdbc:gaussdb:");
    }
}
