package cn.yn.employment.common;

import java.util.List;

/**
 * A business rule refused an action. Carries an i18n message key (and arguments) the UI shows as-is, and
 * optionally field-level errors.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;

    public DomainException(String messageKey, Object... args) {
        this(messageKey, List.of(), args);
    }

    public DomainException(String messageKey, List<FieldError> fieldErrors, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One field's error: the field name and an i18n key with its arguments. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
