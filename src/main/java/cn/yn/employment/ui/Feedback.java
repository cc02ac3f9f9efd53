package cn.yn.employment.ui;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Shows outcomes: success toasts, and errors at the fields they concern (or as a toast when no field matches).
 * Error toasts are the page's: a success closes the errors still open (the user has just done what they were
 * about), and leaving the page closes them, so an error never follows the user to the next page.
 */
public final class Feedback {

    private static final String OPEN_ERRORS = Feedback.class.getName() + ".openErrors";

    private Feedback() {
    }

    public static void success(String message) {
        closeErrors(UI.getCurrent());
        Notification n = Notification.show(message, 3000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** An error toast; it replaces the error toasts still open, so repeated attempts do not stack them. */
    public static void error(String message) {
        closeErrors(UI.getCurrent());
        Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        UI ui = UI.getCurrent();
        if (ui != null) {
            openErrors(ui).add(n);
            n.addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    openErrors(ui).remove(n);
                }
            });
        }
    }

    /** Closes the error toasts still open in this UI. */
    public static void closeErrors(UI ui) {
        if (ui == null) {
            return;
        }
        List<Notification> open = new ArrayList<>(openErrors(ui));
        openErrors(ui).clear();
        open.forEach(Notification::close);
    }

    @SuppressWarnings("unchecked")
    private static List<Notification> openErrors(UI ui) {
        List<Notification> list = (List<Notification>) ComponentUtil.getData(ui, OPEN_ERRORS);
        if (list == null) {
            list = new ArrayList<>();
            ComponentUtil.setData(ui, OPEN_ERRORS, list);
            // before the next view is built: its own errors (e.g. from its constructor) stay
            ui.addBeforeLeaveListener(e -> closeErrors(ui));
        }
        return list;
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
