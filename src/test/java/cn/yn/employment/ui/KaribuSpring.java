package cn.yn.employment.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockInstantiator;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinHelper;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinSession;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.SpringServlet;
import com.vaadin.flow.spring.SpringVaadinServletService;
import java.util.Properties;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Karibu-Testing on the Spring context for every module's view tests: views are created by Spring (constructor
 * injection), routes are discovered in {@code cn.yn.employment} (or given), and the mocked request sees whoever is
 * in Spring Security's context, so {@code @RolesAllowed} routes behave as in production. (The karibu-testing
 * Spring add-on is not available here, so this is its few lines.)
 */
public final class KaribuSpring {

    private static Routes routes;

    private KaribuSpring() {
    }

    /** Every route of the application. */
    public static synchronized void setup(ApplicationContext ctx) {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("cn.yn.employment");
        }
        setup(ctx, routes);
    }

    /** No routes at all, for tests that create their views directly and never navigate. */
    public static void setupWithoutRoutes(ApplicationContext ctx) {
        setup(ctx, new Routes(java.util.Set.of(), java.util.Set.of(), true));
    }

    /** Only these routes, for tests that create their views directly ({@link #view}). */
    public static void setup(ApplicationContext ctx, Routes only) {
        Function0<UI> uiFactory = MockedUI::new;
        // the request sees whoever is in the security context, as Spring Security's request wrapper would show
        MockVaadin.setMockRequestFactory(session -> new SecurityAwareRequest(session));
        MockVaadin.setup(uiFactory, new MockSpringServlet(only, ctx, uiFactory));
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** Signs in a principal built by the test, for services and for Vaadin's route checks alike. */
    public static void signIn(cn.yn.employment.common.security.CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority())).toList()));
    }

    /**
     * A view created by Spring's constructor injection without bean post-processing (so it does not become a
     * method-security proxy) and attached to the current UI.
     */
    public static <T> T view(ApplicationContext ctx, Class<T> type) {
        @SuppressWarnings("unchecked")
        T v = (T) ctx.getAutowireCapableBeanFactory().autowire(type,
                org.springframework.beans.factory.config.AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
        if (v instanceof com.vaadin.flow.component.Component c) {
            UI.getCurrent().add(c);
        }
        return v;
    }

    /** True when the throwable or one of its causes is an access denial. */
    public static boolean denied(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.springframework.security.access.AccessDeniedException) {
                return true;
            }
        }
        return false;
    }

    public static void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in as a real user: the same UserDetails the login form would produce. */
    public static void login(ApplicationContext ctx, String username) {
        UserDetails user = ctx.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    static class SecurityAwareRequest extends com.github.mvysny.fakeservlet.FakeRequest {
        SecurityAwareRequest(jakarta.servlet.http.HttpSession session) {
            super(session);
            setLocaleInt(java.util.Locale.SIMPLIFIED_CHINESE);
        }

        @Override
        public java.security.Principal getUserPrincipal() {
            org.springframework.security.core.Authentication a = SecurityContextHolder.getContext().getAuthentication();
            return a != null && a.isAuthenticated() ? a : null;
        }

        @Override
        public boolean isUserInRole(String role) {
            org.springframework.security.core.Authentication a = SecurityContextHolder.getContext().getAuthentication();
            return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_" + role));
        }
    }

    public static class MockSpringServlet extends SpringServlet {
        private final Routes routes;
        private final ApplicationContext ctx;
        private final Function0<UI> uiFactory;

        public MockSpringServlet(Routes routes, ApplicationContext ctx, Function0<UI> uiFactory) {
            super(ctx, false);
            this.routes = routes;
            this.ctx = ctx;
            this.uiFactory = uiFactory;
        }

        @Override
        protected DeploymentConfiguration createDeploymentConfiguration(Properties initParameters) {
            MockVaadinHelper.mockFlowBuildInfo(this);
            return super.createDeploymentConfiguration(initParameters);
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration deploymentConfiguration) throws ServiceException {
            VaadinServletService service = new MockSpringServletService(this, deploymentConfiguration, ctx, uiFactory);
            service.init();
            routes.register((VaadinServletContext) service.getContext());
            return service;
        }
    }

    static class MockSpringServletService extends SpringVaadinServletService {
        private final Function0<UI> uiFactory;

        MockSpringServletService(VaadinServlet servlet, DeploymentConfiguration configuration, ApplicationContext ctx,
                                 Function0<UI> uiFactory) {
            super(servlet, configuration, ctx);
            this.uiFactory = uiFactory;
        }

        @Override
        protected boolean isAtmosphereAvailable() {
            return false;
        }

        @Override
        public String getMainDivId(VaadinSession session, VaadinRequest request) {
            return "ROOT-1";
        }

        @Override
        protected VaadinSession createVaadinSession(VaadinRequest request) {
            return new MockVaadinSession(this, uiFactory);
        }

        @Override
        public Instantiator getInstantiator() {
            return MockInstantiator.Companion.create(super.getInstantiator());
        }
    }
}
