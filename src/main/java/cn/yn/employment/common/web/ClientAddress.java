package cn.yn.employment.common.web;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client's address of the current HTTP or Vaadin request, or null outside a request. */
public final class ClientAddress {

    /** The caller's address carried to a worker thread that acts for that request (see {@link #carried}). */
    private static final ThreadLocal<String> CARRIED = new ThreadLocal<>();

    private ClientAddress() {
    }

    public static String current() {
        String carried = CARRIED.get();
        if (carried != null) {
            return carried;
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            return vaadin.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /**
     * Runs {@code work} on this thread as if inside the request whose client address is {@code address} (null: as
     * outside a request): for work a request hands to a pool thread, so its audit rows still name the client.
     */
    public static <T> T carried(String address, java.util.function.Supplier<T> work) {
        String before = CARRIED.get();
        CARRIED.set(address);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CARRIED.remove();
            } else {
                CARRIED.set(before);
            }
        }
    }
}
