package cn.yn.employment.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import cn.yn.employment.common.security.CurrentUser;
import com.vaadin.flow.internal.CurrentInstance;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The caller of a MockMvc request, for the filter chain and — through the global {@link SecurityContextHolder} — for
 * the service behind it: each Spring context a test JVM starts installs its own (Vaadin-aware) holder strategy
 * globally, so with several cached contexts the chain's strategy and the global one can differ. Also drops any
 * Vaadin session a Karibu test of the same context left current, which would otherwise stand in for the caller.
 */
public final class ApiCaller {

    private ApiCaller() {
    }

    /** Signs in {@code user} with its roles for the request, set when the request is built. */
    public static RequestPostProcessor as(CurrentUser user) {
        Authentication token = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        RequestPostProcessor chain = authentication(token);
        return request -> {
            CurrentInstance.clearAll();
            SecurityContextHolder.getContext().setAuthentication(token);
            return chain.postProcessRequest(request);
        };
    }
}
