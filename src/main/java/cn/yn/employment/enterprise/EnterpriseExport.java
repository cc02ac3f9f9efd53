package cn.yn.employment.enterprise;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.export.XlsxStream;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.BusinessTime;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 导出 Excel of the enterprise list with its search text, within the caller's scope exactly as
 * {@link EnterpriseService#search}: a city reviewer or leader gets its city, the province all. Streamed from the
 * database into the workbook, so any size.
 */
@Service
public class EnterpriseExport {

    private final EnterpriseStore store;
    private final CurrentUserProvider currentUser;
    private final CodeService codes;
    private final Translations i18n;

    EnterpriseExport(EnterpriseStore store, CurrentUserProvider currentUser, CodeService codes, Translations i18n) {
        this.store = store;
        this.currentUser = currentUser;
        this.codes = codes;
        this.i18n = i18n;
    }

    @Transactional(readOnly = true)
    public long write(String text, Locale locale, OutputStream out) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER, Role.LEADER);
        String city = me.scope().isProvince() ? null : me.scope().cityCode();
        if (!me.scope().isProvince() && city == null) {
            throw new org.springframework.security.access.AccessDeniedException("outside your scope");
        }
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase() + "%";
        List<String> headers = List.of(t(locale, "enterprise.label.uscc"), t(locale, "enterprise.label.name"),
                t(locale, "enterprise.export.city"), t(locale, "enterprise.label.county"), t(locale, "enterprise.label.industry"),
                t(locale, "enterprise.label.baselineHeadcount"), t(locale, "enterprise.label.state"),
                t(locale, "enterprise.export.contact"), t(locale, "enterprise.export.phone"), t(locale, "enterprise.export.filedAt"));
        try (XlsxStream x = new XlsxStream(t(locale, "enterprise.list.title"), headers)) {
            store.forEachEnterprise(city, like, e -> x.row(e.uscc(), e.name(), codes.nameOf(CodeType.REGION, e.cityCode()),
                    codes.nameOf(CodeType.REGION, e.countyCode()), codes.nameOf(CodeType.INDUSTRY, e.industryDivision()),
                    e.baselineHeadcount(), t(locale, "enterprise.filingState." + e.filingState().name()), e.contactPerson(),
                    e.phone(), XlsxStream.time(BusinessTime.MINUTES, e.filedAt())));
            x.writeTo(out);
            return x.rows();
        }
    }

    private String t(Locale l, String key) {
        return i18n.getTranslation(key, l);
    }
}
