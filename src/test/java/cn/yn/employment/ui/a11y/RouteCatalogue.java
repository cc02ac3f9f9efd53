package cn.yn.employment.ui.a11y;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every view of the application, found from the {@code @Route} classes on the class path (so a new view is scanned
 * without touching the test), with who may open it: anonymous visitors, every signed-in user, or the roles of
 * {@code @RolesAllowed}.
 */
public final class RouteCatalogue {

    /** Who may open a route. */
    public enum Audience { ANONYMOUS, SIGNED_IN, ROLES }

    /**
     * One view. {@code template} is the {@code @Route} value with the optional parameters dropped;
     * {@code parameters} names the required ones (a {@link HasUrlParameter} counts as {@code :parameter}).
     */
    public record RouteInfo(String template, String view, Audience audience, Set<String> roles, List<String> parameters) {

        public boolean openTo(Set<String> userRoles) {
            return switch (audience) {
                case ANONYMOUS -> true;
                case SIGNED_IN -> !userRoles.isEmpty();
                case ROLES -> roles.stream().anyMatch(userRoles::contains);
            };
        }
    }

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z0-9_]+)(\\?|\\*)?(\\([^)]*\\))?");

    private RouteCatalogue() {
    }

    public static List<RouteInfo> all() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<RouteInfo> routes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("cn.yn.employment")) {
            Class<?> view;
            try {
                view = Class.forName(definition.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (view.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                continue; // a test's own route (Karibu fixtures such as FeedbackToastsTest's), not the application's
            }
            routes.add(describe(view));
        }
        routes.sort(Comparator.comparing(RouteInfo::template));
        return routes;
    }

    static RouteInfo describe(Class<?> view) {
        String value = view.getAnnotation(Route.class).value();
        List<String> parameters = new ArrayList<>();
        StringBuilder template = new StringBuilder();
        Matcher m = PARAMETER.matcher(value);
        int at = 0;
        while (m.find()) {
            template.append(value, at, m.start());
            if (m.group(2) == null) {
                parameters.add(m.group(1));
                template.append(':').append(m.group(1));
            }
            at = m.end();
        }
        template.append(value.substring(at));
        String path = template.toString().replaceAll("/+$", "");
        if (HasUrlParameter.class.isAssignableFrom(view)) {
            parameters.add("parameter");
            path = path + "/:parameter";
        }
        Audience audience;
        Set<String> roles = new TreeSet<>();
        if (view.isAnnotationPresent(AnonymousAllowed.class)) {
            audience = Audience.ANONYMOUS;
        } else if (view.isAnnotationPresent(PermitAll.class)) {
            audience = Audience.SIGNED_IN;
        } else if (view.isAnnotationPresent(RolesAllowed.class)) {
            audience = Audience.ROLES;
            roles.addAll(Arrays.asList(view.getAnnotation(RolesAllowed.class).value()));
        } else {
            throw new IllegalStateException(view.getName() + " has no access annotation");
        }
        return new RouteInfo(path, view.getSimpleName(), audience, roles, parameters);
    }
}
