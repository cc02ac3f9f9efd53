package cn.yn.employment.common.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Appends the node's route to session ids (JSESSIONID=&lt;id&gt;.app1) so the load balancer can keep a Vaadin
 * session on the node that holds it (deploy/nginx/ems.conf). Set with {@code NODE_ROUTE=app1}.
 */
@Configuration
@ConditionalOnProperty("app.node-route")
class NodeRouteConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jvmRoute(
            @org.springframework.beans.factory.annotation.Value("${app.node-route}") String route) {
        return factory -> factory.addContextLifecycleListeners(event -> {
            // the engine holds the route; set it before the session manager starts and reads it
            if (org.apache.catalina.Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                    && event.getLifecycle() instanceof org.apache.catalina.Context context
                    && context.getParent() != null && context.getParent().getParent() instanceof org.apache.catalina.Engine engine) {
                engine.setJvmRoute(route);
            }
        });
    }
}
