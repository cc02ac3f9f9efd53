package cn.yn.employment.common.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every module keeps its own bundle {@code i18n/<module>.properties} (Simplified Chinese, the default) and
 * {@code i18n/<module>_en.properties}. This provider looks a key up in all of them, so modules never edit a
 * shared file.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<String> baseNames;

    public Translations() {
        this.baseNames = discoverBaseNames();
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : Locale.ROOT;
        for (String base : baseNames) {
            ResourceBundle bundle = ResourceBundle.getBundle(base, effective, getClass().getClassLoader(), NO_FALLBACK);
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
            }
        }
        return "!" + key;
    }

    /** Translation in the default language, for texts produced outside a UI (e-mails, PDFs, logs). */
    public String chinese(String key, Object... params) {
        return getTranslation(key, CHINESE, params);
    }

    public boolean has(String key) {
        return !getTranslation(key, CHINESE).startsWith("!");
    }

    private static List<String> discoverBaseNames() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            TreeSet<String> names = new TreeSet<>();
            for (Resource r : resources) {
                String file = r.getFilename();
                if (file != null && !file.contains("_")) {
                    names.add("i18n." + file.substring(0, file.length() - ".properties".length()));
                }
            }
            return new ArrayList<>(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MissingResourceException e) {
            return List.of();
        }
    }
}
