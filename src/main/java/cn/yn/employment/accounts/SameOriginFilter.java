package cn.yn.employment.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Second line behind the CSRF token for the browser side (not the token-authenticated {@code /api/**}): a
 * state-changing request (anything but GET, HEAD, OPTIONS, TRACE) whose {@code Origin}, or failing that
 * {@code Referer}, names another host is refused with 403. {@code Origin: null} (sandboxed frames, some
 * cross-site redirects) is refused too. A request carrying neither header passes (non-browser clients; the
 * CSRF token still applies).
 * <p>
 * "Same" compares host names only, with the host the request was addressed to (the {@code Host} header nginx
 * forwards): behind a TLS-terminating proxy the scheme and port the application sees differ from the
 * browser's, so comparing them would refuse every legitimate request. Other trusted hosts (a second public
 * name) go in {@code app.security.trusted-origin-hosts}.
 */
final class SameOriginFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SameOriginFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> trustedHosts;

    SameOriginFilter(Set<String> trustedHosts) {
        this.trustedHosts = trustedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || isSameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("refused {} {} from foreign origin {} (referer {})", request.getMethod(), request.getRequestURI(),
                request.getHeader("Origin"), request.getHeader("Referer"));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    }

    boolean isSameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source == null) {
            return true;
        }
        String host = hostOf(source);
        if (host == null) {
            return false;
        }
        return host.equalsIgnoreCase(request.getServerName()) || trustedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
