package cn.yn.employment.common.web;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import cn.yn.employment.common.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the API's controllers as the one error body ({@link ApiError}, docs/api.md): a refused rule → 422,
 * not found → 404, a conflict → 409, bad input → 400 naming the field, role or scope → 403, and the HTTP-level
 * 405/406/415. Never a 500 for bad input; an unexpected failure is a 500 with the same body and no internals.
 */
@RestControllerAdvice(basePackages = "cn.yn.employment")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiErrors errors;

    ApiExceptionHandler(ApiErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(DomainException.class)
    void domain(DomainException e, Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, ApiErrors.statusOf(e), errors.of(e, locale));
    }

    /**
     * A missing id and an id outside the caller's scope get this one answer (same status, code and message), so ids
     * cannot be probed; a wrong role was refused with 403 before any id was looked up.
     */
    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.NOT_FOUND, errors.notFound(e, locale));
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.FORBIDDEN, errors.http(ApiErrors.FORBIDDEN, locale, List.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.BAD_REQUEST, errors.http(ApiErrors.BAD_REQUEST, locale, fieldsOf(e)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void mismatch(MethodArgumentTypeMismatchException e, Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.BAD_REQUEST,
                errors.http(ApiErrors.BAD_REQUEST, locale, List.of(new FieldError(e.getName(), typeKey(e.getRequiredType())))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.BAD_REQUEST,
                errors.http(ApiErrors.BAD_REQUEST, locale, List.of(new FieldError(e.getParameterName(), "api.error.field.required"))));
    }

    @ExceptionHandler(MissingRequestValueException.class)
    void missingValue(Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.BAD_REQUEST, errors.http(ApiErrors.BAD_REQUEST, locale, List.of()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    void illegalArgument(IllegalArgumentException e, Locale locale, HttpServletResponse response) throws IOException {
        log.debug("API request refused as bad input: {}", e.toString());
        errors.write(response, HttpStatus.BAD_REQUEST, errors.http(ApiErrors.BAD_REQUEST, locale, List.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException e, Locale locale, HttpServletResponse response) throws IOException {
        if (e.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        errors.write(response, HttpStatus.METHOD_NOT_ALLOWED, errors.http(ApiErrors.METHOD_NOT_ALLOWED, locale, List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupportedMediaType(Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, errors.http(ApiErrors.UNSUPPORTED_MEDIA_TYPE, locale, List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.NOT_ACCEPTABLE, errors.http(ApiErrors.NOT_ACCEPTABLE, locale, List.of()));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    void notFound(Locale locale, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.NOT_FOUND, errors.http(ApiErrors.NOT_FOUND, locale, List.of()));
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, Locale locale, HttpServletResponse response) throws IOException {
        log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        errors.write(response, HttpStatus.INTERNAL_SERVER_ERROR, errors.http(ApiErrors.INTERNAL_ERROR, locale, List.of()));
    }

    /** The JSON fields the body got wrong: a value of the wrong type or out of range names its property path. */
    static List<FieldError> fieldsOf(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InputCoercionException coercion && coercion.getProcessor() != null) {
            String field = currentName(coercion.getProcessor());
            return field == null ? List.of() : List.of(new FieldError(field, "api.error.field.outOfRange"));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (mapping.getCause() instanceof InputCoercionException) {
                return List.of(new FieldError(field, "api.error.field.outOfRange"));
            }
            Class<?> target = cause instanceof MismatchedInputException m ? m.getTargetType() : null;
            if (cause instanceof InvalidFormatException || target != null) {
                return List.of(new FieldError(field, typeKey(target)));
            }
            return List.of(new FieldError(field, "api.error.field.invalid"));
        }
        return List.of();
    }

    private static String currentName(JsonParser parser) {
        try {
            return parser.currentName();
        } catch (IOException ex) {
            return null;
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeKey(Class<?> type) {
        if (type == null) {
            return "api.error.field.invalid";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "api.error.field.notAnInteger";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "api.error.field.notANumber";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "api.error.field.notABoolean";
        }
        if (type.isEnum()) {
            return "api.error.field.unknownValue";
        }
        return "api.error.field.invalid";
    }
}
