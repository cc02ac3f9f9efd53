package cn.yn.employment.enterprise.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinHelper;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinSession;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.SpringServlet;
import com.vaadin.flow.spring.SpringVaadinServletService;
import jakarta.servlet.ServletException;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Karibu-Testing on the Spring context: views get their beans injected, route security applies. */
final class KaribuSpring {

    private static Routes routes;

    private KaribuSpring() {
    }

    static void setup(ApplicationContext ctx) {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("cn.yn.employment");
        }
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, ctx));
    }

    static void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs the user in for services (security context) and for Vaadin's route checks (request principal). */
    static void signIn(CurrentUser user) {
        var auth = new UsernamePasswordAuthenticationToken(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> user.roles().stream()
                .anyMatch(r -> r.name().equals(role) || r.authority().equals(role)));
    }

    static final class MockSpringServlet extends SpringServlet {
        private final transient Routes routes;
        private final transient ApplicationContext ctx;

        MockSpringServlet(Routes routes, ApplicationContext ctx) {
            super(ctx, false);
            this.routes = routes;
            this.ctx = ctx;
        }

        @Override
        protected DeploymentConfiguration createDeploymentConfiguration() throws ServletException {
            MockVaadinHelper.mockFlowBuildInfo(this);
            return super.createDeploymentConfiguration();
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
            VaadinServletService service = new SpringVaadinServletService(this, configuration, ctx) {
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
                    return new MockVaadinSession(this, UI::new);
                }
            };
            service.init();
            routes.register(service.getContext());
            return service;
        }
    }

    static boolean holds(CurrentUser u, Role r) {
        return u.has(r);
    }
}
