package cn.yn.employment.migration;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Shared set-up of the migration tests (one Spring context): signing in and the sample export. */
@SpringBootTest
public abstract class MigrationTestBase {

    public static final Path SAMPLE = Path.of("src/test/resources/migration/sample");

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MigrationService migration;
    @Autowired
    protected MappingService mappings;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    protected static void signIn(Scope scope, Role... roles) {
        CurrentUser u = new CurrentUser(1, "tester-" + roles[0].name().toLowerCase(), "测试", Set.of(roles), scope);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null,
                java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    protected static void signInAdmin() {
        signIn(Scope.system(), Role.SYSTEM_ADMIN);
    }

    /** The three files of an export directory, read into memory (as an upload would). */
    protected static List<ImportFile> files(Path dir) {
        List<ImportFile> out = new ArrayList<>();
        for (FileKind k : FileKind.values()) {
            for (String ext : new String[] {".csv", ".xlsx"}) {
                Path p = dir.resolve(k.name().toLowerCase() + ext);
                if (Files.exists(p)) {
                    try {
                        out.add(ImportFile.of(k, p.getFileName().toString(), Files.readAllBytes(p), null));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return out;
    }

    protected int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    protected int countOfBatch(String table, long batchId) {
        return jdbc.queryForObject("select count(*) from " + table + " where import_batch_id = ?", Integer.class, batchId);
    }
}
