package cn.yn.employment.report.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinHelper;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinSession;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.SpringServlet;
import com.vaadin.flow.spring.SpringVaadinServletService;
import jakarta.servlet.ServletException;
import java.security.Principal;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Karibu-Testing on the Spring context (the karibu-testing-v10-spring artifact is not available here): a Spring
 * servlet with a mock service, and requests whose principal and roles come from Spring Security's context, so
 * {@code @RolesAllowed} views work as in production.
 */
public final class KaribuSpring {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("cn.yn.employment");

    private KaribuSpring() {
    }

    public static void setup(ApplicationContext ctx) {
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session) {
                @Override
                public Principal getUserPrincipal() {
                    return SecurityContextHolder.getContext().getAuthentication();
                }
            };
            request.setUserInRole((principal, role) -> principal instanceof Authentication a
                    && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new Servlet(ctx, uiFactory));
    }

    public static void tearDown() {
        MockVaadin.tearDown();
    }

    static final class Servlet extends SpringServlet {
        private final ApplicationContext ctx;
        private final Function0<UI> uiFactory;

        Servlet(ApplicationContext ctx, Function0<UI> uiFactory) {
            super(ctx, false);
            this.ctx = ctx;
            this.uiFactory = uiFactory;
        }

        @Override
        protected DeploymentConfiguration createDeploymentConfiguration() throws ServletException {
            MockVaadinHelper.mockFlowBuildInfo(this);
            return super.createDeploymentConfiguration();
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration config) throws ServiceException {
            VaadinServletService service = new SpringVaadinServletService(this, config, ctx) {
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
            };
            service.init();
            ROUTES.register((VaadinServletContext) service.getContext());
            return service;
        }
    }
}
