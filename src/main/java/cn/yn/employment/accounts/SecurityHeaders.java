package cn.yn.employment.accounts;

/**
 * The Content-Security-Policy headers (issue 14, S5). The pages' policy is the tightest one Vaadin 24 works under:
 * its bootstrap page starts the client engine with an inline script and the engine builds functions from the
 * JavaScript the server sends ({@code executeJs}, event data), hence {@code 'unsafe-inline' 'unsafe-eval'} for scripts;
 * Lumo and the components set inline styles. Everything else is same-origin only (the bpmn-js viewer and editor are
 * served by the application itself), no plug-ins, no foreign forms or base URLs, framing by the same origin only (as
 * X-Frame-Options SAMEORIGIN). {@code CspBrowserTest} proves in headless Chromium that the main pages report no
 * violation. The API answers JSON and files only: nothing may run or be framed.
 */
final class SecurityHeaders {

    static final String PAGES_CSP = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "frame-src 'self' blob:; "
            + "worker-src 'self' blob:; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'self'";

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }
}
