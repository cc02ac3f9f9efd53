package cn.yn.employment.audit;

import cn.yn.employment.common.export.XlsxStream;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.PersonDirectory;
import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.common.security.Role;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 导出 Excel of the audit log search (system administrators): every matching entry, newest first, read with a
 * streaming cursor and written through {@link XlsxStream}, so the size is not limited; actions and object types in
 * the reader's language beside their codes, actors by name and unit. The export is itself audited.
 */
@Service
public class AuditExport {

    private static final int FETCH = 500;

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;
    private final AuditService service;
    private final AuditLog audit;
    private final PersonDirectory people;
    private final Translations i18n;

    AuditExport(JdbcTemplate jdbc, CurrentUserProvider currentUser, AuditService service, AuditLog audit,
                PersonDirectory people, Translations i18n) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.service = service;
        this.audit = audit;
        this.people = people;
        this.i18n = i18n;
    }

    /** Writes the entries matching {@code q} to {@code out}; returns the number of rows. */
    @org.springframework.transaction.annotation.Transactional
    public long write(AuditQuery q, Locale locale, OutputStream out) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        List<String> headers = List.of(t(locale, "audit.field.seq"), t(locale, "audit.field.time"), t(locale, "audit.field.actor"),
                t(locale, "audit.field.action"), t(locale, "audit.field.action") + " (code)", t(locale, "audit.field.targetType"),
                t(locale, "audit.field.targetId"), t(locale, "audit.field.clientAddress"), t(locale, "audit.field.before"),
                t(locale, "audit.field.after"));
        Map<String, String> names = new HashMap<>();
        List<Object> args = new ArrayList<>();
        String where = AuditService.where(q, args);
        try (XlsxStream x = new XlsxStream(t(locale, "audit.title"), headers)) {
            jdbc.query(con -> {
                var ps = con.prepareStatement("select * from audit_log" + where + " order by id desc");
                ps.setFetchSize(FETCH);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return ps;
            }, rs -> {
                AuditEntry e = service.map(rs, 0);
                x.row(e.seq(), BusinessTime.SECONDS.format(e.occurredAt()), names.computeIfAbsent(e.actor(), people::label),
                        AuditLabels.action(i18n, locale, e.action()), e.action(), AuditLabels.targetType(i18n, locale, e.targetType()),
                        e.targetId(), e.clientAddress(), e.beforeJson(), e.afterJson());
            });
            audit.record("AUDIT_EXPORTED", "audit_log", null, null, Map.of("query", String.valueOf(q), "rows", x.rows(),
                    "format", "xlsx"));
            x.writeTo(out);
            return x.rows();
        }
    }

    private String t(Locale l, String key) {
        return i18n.getTranslation(key, l);
    }
}
