package cn.yn.employment.common;

/** What was asked for does not exist (the API answers 404; a view shows its not-found text). */
public class NotFoundException extends DomainException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
