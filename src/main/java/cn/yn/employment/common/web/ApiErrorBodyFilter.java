package cn.yn.employment.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last line of the API's error contract, in front of the security filters: an error that does not come
 * from a controller (a filter's {@code sendError}, an exception escaping the chain) becomes the error body here,
 * instead of the container's error page, which lives outside {@code /api/**} and would redirect to the login page.
 */
class ApiErrorBodyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorBodyFilter.class);

    private final ApiErrors errors;

    ApiErrorBodyFilter(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorAsBody wrapped = new ErrorAsBody(request, response);
        try {
            chain.doFilter(request, wrapped);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            errors.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, ApiErrors.INTERNAL_ERROR);
        }
    }

    /** Turns {@code sendError(status)} into the error body with the code of that status. */
    private final class ErrorAsBody extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ErrorAsBody(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String ignoredMessage) throws IOException {
            HttpStatus known = HttpStatus.resolve(status);
            HttpStatus s = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
            errors.write(request, (HttpServletResponse) getResponse(), s, codeOf(s));
        }
    }

    static String codeOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> ApiErrors.UNAUTHORIZED;
            case FORBIDDEN -> ApiErrors.FORBIDDEN;
            case NOT_FOUND -> ApiErrors.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ApiErrors.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ApiErrors.NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> ApiErrors.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is4xxClientError() ? ApiErrors.BAD_REQUEST : ApiErrors.INTERNAL_ERROR;
        };
    }
}
