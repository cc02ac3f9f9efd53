package cn.yn.employment.common;

import java.util.List;

/**
 * The request itself is malformed (an unknown name, a value of the wrong shape), as opposed to a business rule
 * refusing well-formed input: the API answers 400 instead of 422. Name the field at fault.
 */
public class InvalidRequestException extends DomainException {

    public InvalidRequestException(String messageKey, List<FieldError> fieldErrors, Object... args) {
        super(messageKey, fieldErrors, args);
    }

    /** One field at fault, whose message is the request's message. */
    public static InvalidRequestException field(String field, String messageKey, Object... args) {
        return new InvalidRequestException(messageKey, List.of(new FieldError(field, messageKey, args)), args);
    }
}
