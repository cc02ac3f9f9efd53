package cn.yn.employment.accounts;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.EnterpriseNames;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.Scope;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How the user list names a user's scope: the city by name ("昆明市"), the enterprise by its name ("企业 · 云南某某有限公司")
 * instead of "企业 #1". Enterprise names are read per page ({@link #prefetch}) and kept for the list's lifetime.
 */
@Component
public class UserLabels {

    private final CodeService codes;
    private final ObjectProvider<EnterpriseNames> enterprises;
    private final Translations i18n;

    UserLabels(CodeService codes, ObjectProvider<EnterpriseNames> enterprises, Translations i18n) {
        this.codes = codes;
        this.enterprises = enterprises;
        this.i18n = i18n;
    }

    /** A cache of enterprise names for one list (a view or an export). */
    public Names names() {
        return new Names();
    }

    public final class Names {
        private final Map<Long, String> byId = new HashMap<>();

        /** Reads the names of the enterprise scopes among {@code users} not read yet, in one query. */
        public void prefetch(Collection<UserView> users) {
            List<Long> ids = users.stream().map(UserView::scope).filter(s -> s.type() == cn.yn.employment.common.security.ScopeType.ENTERPRISE)
                    .map(Scope::enterpriseId).filter(Objects::nonNull).filter(id -> !byId.containsKey(id)).distinct().toList();
            EnterpriseNames source = enterprises.getIfAvailable();
            if (!ids.isEmpty() && source != null) {
                Map<Long, String> found = source.namesOf(ids);
                ids.forEach(id -> byId.put(id, found.get(id)));
            }
        }

        public String scope(UserView u, Locale locale) {
            Scope s = u.scope();
            return switch (s.type()) {
                case CITY -> codes.nameOf(CodeType.REGION, s.code());
                case ENTERPRISE -> {
                    String name = s.enterpriseId() == null ? null : byId.get(s.enterpriseId());
                    yield i18n.getTranslation("accounts.scope.enterpriseNamed", locale, name == null ? "#" + s.code() : name);
                }
                default -> i18n.getTranslation("accounts.scopeType." + s.type().name(), locale);
            };
        }
    }
}
