package cn.yn.employment.ui;

import cn.yn.employment.common.i18n.Translations;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Simplified Chinese by default; English when the user chose it (cookie {@code ems-lang=en}). */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> {
            Locale locale = Translations.CHINESE;
            if (e.getRequest() instanceof com.vaadin.flow.server.VaadinServletRequest r && r.getCookies() != null) {
                for (Cookie c : r.getCookies()) {
                    if ("ems-lang".equals(c.getName()) && "en".equals(c.getValue())) {
                        locale = Translations.ENGLISH;
                    }
                }
            }
            e.getSession().setLocale(locale);
        });
    }
}
