package cn.yn.employment.audit;

import cn.yn.employment.common.i18n.Translations;
import java.util.Locale;

/**
 * Audit actions and object types in the reader's language ({@code audit.action.<CODE>},
 * {@code audit.targetType.<type>}; {@code code:<TABLE>} names the code table). A code without a label is shown as
 * stored, so a new action is never hidden; {@code AuditLabelsTest} keeps every recorded action labelled.
 */
public final class AuditLabels {

    private AuditLabels() {
    }

    public static String action(Translations i18n, Locale locale, String code) {
        return label(i18n, locale, "audit.action.", code);
    }

    public static String targetType(Translations i18n, Locale locale, String type) {
        if (type != null && type.startsWith("code:")) {
            String table = type.substring("code:".length());
            String name = i18n.getTranslation("codes.table." + table, locale);
            return i18n.getTranslation("audit.targetType.code", locale, name.startsWith("!") ? table : name);
        }
        return label(i18n, locale, "audit.targetType.", type);
    }

    private static String label(Translations i18n, Locale locale, String prefix, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String t = i18n.getTranslation(prefix + code, locale);
        return t.startsWith("!") ? code : t;
    }
}
