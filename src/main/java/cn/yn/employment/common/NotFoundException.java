package cn.yn.employment.common;

import org.springframework.security.access.AccessDeniedException;

/**
 * "No such thing for you": the id does not exist, or it exists outside the caller's scope. Services throw this
 * same exception (same message key and arguments) in both cases, after the role check, so that no answer tells a
 * caller which ids exist (an id oracle). The API answers 404 with its error body; a view reroutes to the
 * not-found view, or shows the message where an action was refused.
 * <p>
 * It is an {@link AccessDeniedException}: whatever already treats "outside your scope" as a refusal (method
 * security, bulk actions, tests of the access matrix) treats it the same, and a wrong role still answers 403
 * before any id is looked up.
 */
public class NotFoundException extends AccessDeniedException {

    public static final String DEFAULT_KEY = "common.error.notFound";

    private final String messageKey;
    private final transient Object[] args;

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public NotFoundException() {
        this(DEFAULT_KEY);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
