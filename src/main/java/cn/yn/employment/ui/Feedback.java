package cn.yn.employment.ui;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Shows outcomes: success toasts, and errors at the fields they concern (or as a toast when no field matches). */
public final class Feedback {

    private Feedback() {
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 3000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Clears previous errors on the given fields, then marks each field the exception names. Returns true when
     * the exception was handled.
     */
    public static void show(Component context, RuntimeException e, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        if (e instanceof DomainException de) {
            Map<String, String> unmatched = new LinkedHashMap<>();
            Map<String, String> byField = new LinkedHashMap<>();
            for (DomainException.FieldError fe : de.fieldErrors()) {
                String text = context.getTranslation(fe.messageKey(), fe.args());
                byField.merge(fe.field(), text, (a, b) -> a + "；" + b);
            }
            byField.forEach((field, text) -> {
                HasValidation f = fields.get(field);
                if (f != null) {
                    f.setErrorMessage(text);
                    f.setInvalid(true);
                } else {
                    unmatched.put(field, text);
                }
            });
            String headline = context.getTranslation(de.messageKey(), de.args());
            error(unmatched.isEmpty() ? headline
                    : headline + "：" + unmatched.values().stream().collect(Collectors.joining("；")));
        } else if (e instanceof NotFoundException nf) {
            error(context.getTranslation(nf.messageKey(), nf.args()));
        } else if (e instanceof AccessDeniedException) {
            error(context.getTranslation("ui.error.accessDenied"));
        } else if (e instanceof OptimisticLockingFailureException) {
            error(context.getTranslation("ui.error.conflict"));
        } else {
            throw e;
        }
    }

    public static void show(Component context, RuntimeException e) {
        show(context, e, Map.of());
    }

    public static UI ui() {
        return UI.getCurrent();
    }
}
