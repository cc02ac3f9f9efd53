package cn.yn.employment.common.web;

import cn.yn.employment.common.ConflictException;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.InvalidRequestException;
import cn.yn.employment.common.i18n.Translations;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds and writes the API's error body ({@link ApiError}) in the caller's language. Written straight to the
 * response as JSON, whatever the request's {@code Accept} says: an error must never turn into a 406 or an empty body.
 */
@Component
public class ApiErrors {

    /** Codes of errors that come from HTTP itself rather than from a rule; their messages are {@code api.error.<code>}. */
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "notFound";
    public static final String METHOD_NOT_ALLOWED = "methodNotAllowed";
    public static final String NOT_ACCEPTABLE = "notAcceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupportedMediaType";
    public static final String BAD_REQUEST = "badRequest";
    public static final String INTERNAL_ERROR = "internalError";

    private final Translations translations;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    ApiErrors(Translations translations, ObjectMapper json, LocaleResolver locales) {
        this.translations = translations;
        this.json = json;
        this.locales = locales;
    }

    /** The status a refused action answers with: 404, 400, 409 by the exception's kind, otherwise 422 (a rule refused). */
    public static HttpStatus statusOf(DomainException e) {
        if (e instanceof InvalidRequestException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }

    public ApiError of(DomainException e, Locale locale) {
        List<ApiError.ApiFieldError> fields = e.fieldErrors().stream()
                .map(f -> new ApiError.ApiFieldError(f.field(), f.messageKey(), translations.getTranslation(f.messageKey(), locale, f.args())))
                .toList();
        String message = translations.getTranslation(e.messageKey(), locale, e.args());
        if (e instanceof ConflictException c) {
            return new ApiError(c.code(), message, fields, c.details());
        }
        return new ApiError(e.messageKey(), message, fields, Map.of());
    }

    /** "Not found" — for a missing id and an id outside the caller's scope alike: code {@link #NOT_FOUND}, the service's message. */
    public ApiError notFound(cn.yn.employment.common.NotFoundException e, Locale locale) {
        return new ApiError(NOT_FOUND, translations.getTranslation(e.messageKey(), locale, e.args()), List.of(), Map.of());
    }

    /** An HTTP-level error ({@link #NOT_FOUND} …) with the fields at fault, each as (field, message key, args). */
    public ApiError http(String code, Locale locale, List<DomainException.FieldError> fieldErrors) {
        List<ApiError.ApiFieldError> fields = fieldErrors.stream()
                .map(f -> new ApiError.ApiFieldError(f.field(), f.messageKey(), translations.getTranslation(f.messageKey(), locale, f.args())))
                .toList();
        return new ApiError(code, translations.getTranslation("api.error." + code, locale), fields, Map.of());
    }

    public Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    public void write(HttpServletResponse response, HttpStatus status, ApiError body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setHeader("Content-Disposition", null);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
        response.flushBuffer();
    }

    /** Writes an HTTP-level error with no field at fault. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code) throws IOException {
        write(response, status, http(code, locale(request), List.of()));
    }
}
