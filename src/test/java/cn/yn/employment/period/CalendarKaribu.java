package cn.yn.employment.period;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinHelper;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinSession;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.SpringServlet;
import com.vaadin.flow.spring.SpringVaadinServletService;
import jakarta.servlet.ServletException;
import java.util.Locale;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;

/** Karibu with the Spring instantiator (beans, I18NProvider); views are created by Spring directly. */
public final class CalendarKaribu {

    private CalendarKaribu() {
    }

    public static void setup(ApplicationContext ctx) {
        Function0<UI> uiFactory = UI::new;
        Routes routes = new Routes(Set.of(cn.yn.employment.notice.ui.NoticeReadView.class,
                cn.yn.employment.notice.ui.NoticesView.class, cn.yn.employment.notice.ui.NotificationsView.class),
                Set.of(), true);
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, ctx, uiFactory));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    public static void tearDown() {
        MockVaadin.tearDown();
    }

    public static <T> T view(ApplicationContext ctx, Class<T> type) {
        // constructor injection without bean post-processing: a view must not become a method-security proxy
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

    static final class MockSpringServlet extends SpringServlet {
        private final transient Routes routes;
        private final transient ApplicationContext ctx;
        private final transient Function0<UI> uiFactory;

        MockSpringServlet(Routes routes, ApplicationContext ctx, Function0<UI> uiFactory) {
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
            VaadinServletService service = new MockSpringServletService(this, configuration, ctx, uiFactory);
            service.init();
            routes.register(service.getContext());
            return service;
        }
    }

    static final class MockSpringServletService extends SpringVaadinServletService {
        private final transient Function0<UI> uiFactory;

        MockSpringServletService(MockSpringServlet servlet, DeploymentConfiguration configuration, ApplicationContext ctx,
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
    }
}
