package cn.yn.employment.processadmin;

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
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;

/** Karibu's mocked servlet on top of Spring's, so views get their beans injected (karibu-testing-v10-spring is not available here). */
class KaribuSpringServlet extends SpringServlet {

    private final Routes routes;
    private final transient ApplicationContext ctx;
    private final transient Function0<UI> uiFactory;

    KaribuSpringServlet(Routes routes, ApplicationContext ctx, Function0<UI> uiFactory) {
        super(ctx, false);
        this.routes = routes;
        this.ctx = ctx;
        this.uiFactory = uiFactory;
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
                return new MockVaadinSession(this, uiFactory);
            }
        };
        service.init();
        routes.register((VaadinServletContext) service.getContext());
        return service;
    }
}
