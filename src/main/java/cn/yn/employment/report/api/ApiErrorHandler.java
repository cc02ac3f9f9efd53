package cn.yn.employment.report.api;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.i18n.Translations;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API errors as JSON: a rule refused → 422 with the message and each field's error (Chinese by default,
 * English with Accept-Language: en); role → 403; an id that does not exist or is outside the caller's scope → 404
 * (one answer for both); unreadable body → 400. Never a 500 for bad input.
 */
@RestControllerAdvice(basePackages = "cn.yn.employment")
class ApiErrorHandler {

    private final Translations translations;

    ApiErrorHandler(Translations translations) {
        this.translations = translations;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ApiError> domain(DomainException e, Locale locale) {
        List<ApiFieldError> fields = e.fieldErrors().stream()
                .map(f -> new ApiFieldError(f.field(), f.messageKey(), translations.getTranslation(f.messageKey(), locale, f.args())))
                .toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ApiError(e.messageKey(), translations.getTranslation(e.messageKey(), locale, e.args()), fields));
    }

    /** Missing and out-of-scope ids get this one answer (same status, same body), so ids cannot be probed. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError("notFound", translations.getTranslation(e.messageKey(), locale, e.args()), List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(new ApiError("forbidden", translations.getTranslation("ui.error.accessDenied", locale), List.of()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, IllegalArgumentException.class})
    ResponseEntity<ApiError> unreadable(RuntimeException e, Locale locale) {
        return ResponseEntity.badRequest().body(new ApiError("badRequest", translations.getTranslation("report.api.badRequest", locale), List.of()));
    }

    record ApiError(String code, String message, List<ApiFieldError> fieldErrors) {
    }

    record ApiFieldError(String field, String code, String message) {
    }
}
