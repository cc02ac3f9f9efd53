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
        return factory -> factory.addEngineCustomizers(engine -> engine.setJvmRoute(route));
    }
}
