package cn.yn.employment.accounts;

import cn.yn.employment.common.export.XlsxStream;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.BusinessTime;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * 导出 Excel of the user list with its search text (system administrators, like the list): read page by page through
 * {@link AccountService#search} and streamed into the workbook, with roles, scope (city and enterprise by name) and
 * status in the reader's language.
 */
@Service
public class UserExport {

    static final int PAGE = 500;

    private final AccountService accounts;
    private final UserLabels labels;
    private final CurrentUserProvider currentUser;
    private final Translations i18n;

    UserExport(AccountService accounts, UserLabels labels, CurrentUserProvider currentUser, Translations i18n) {
        this.accounts = accounts;
        this.labels = labels;
        this.currentUser = currentUser;
        this.i18n = i18n;
    }

    public long write(String text, Locale locale, OutputStream out) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        List<String> headers = List.of(t(locale, "accounts.field.username"), t(locale, "accounts.field.displayName"),
                t(locale, "accounts.field.roles"), t(locale, "accounts.field.scopeType"), t(locale, "accounts.field.email"),
                t(locale, "accounts.field.phone"), t(locale, "accounts.field.status"), t(locale, "accounts.export.createdAt"));
        UserLabels.Names names = labels.names();
        try (XlsxStream x = new XlsxStream(t(locale, "accounts.users.title"), headers)) {
            int page = 0;
            Page<UserView> p;
            do {
                p = accounts.search(text, null, null, page++, PAGE);
                names.prefetch(p.getContent());
                for (UserView u : p.getContent()) {
                    x.row(u.username(), u.displayName(),
                            u.roles().stream().sorted().map(r -> t(locale, "role." + r.name())).collect(Collectors.joining("、")),
                            names.scope(u, locale), u.email(), u.phone(),
                            !u.enabled() ? t(locale, "accounts.status.disabled") : u.locked()
                                    ? i18n.getTranslation("accounts.status.locked", locale, BusinessTime.MINUTES.format(u.lockedUntil()))
                                    : t(locale, "accounts.status.enabled"),
                            XlsxStream.time(BusinessTime.MINUTES, u.createdAt()));
                }
            } while (p.hasNext());
            x.writeTo(out);
            return x.rows();
        }
    }

    private String t(Locale l, String key) {
        return i18n.getTranslation(key, l);
    }
}
