package cn.yn.employment.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action collides with what someone else already did (the API answers 409). {@code code} is the stable
 * error code clients match on, whichever message explains it; {@code details} are facts a client can act on,
 * e.g. who handled an item and when, and go into the API's error body as they are.
 */
public class ConflictException extends DomainException {

    private final String code;
    private final transient Map<String, Object> details;

    public ConflictException(String code, String messageKey, Map<String, ?> details, Object... args) {
        super(messageKey, List.of(), args);
        this.code = code;
        this.details = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            if (v != null) {
                this.details.put(k, v);
            }
        });
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return Map.copyOf(details);
    }
}
