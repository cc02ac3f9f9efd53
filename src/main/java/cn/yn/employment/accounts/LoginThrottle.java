package cn.yn.employment.accounts;

import cn.yn.employment.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address (login form and HTTP Basic on the API). The per-account lockout stops guessing
 * one account's password; this stops one address from trying many accounts ("password spraying"): after
 * {@code app.security.address-max-failures} failures within {@code app.security.address-window-minutes}, every
 * sign-in from that address is refused unchecked for the window. Kept per node in memory (with n nodes behind the
 * balancer an address gets at most n times the limit); addresses in {@code app.security.throttle-exempt-addresses}
 * are never throttled.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final AuditLog audit;
    private final int maxFailures;
    private final Duration window;
    private final Set<String> exempt;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, AuditLog audit,
                  @Value("${app.security.address-max-failures:20}") int maxFailures,
                  @Value("${app.security.address-window-minutes:10}") long windowMinutes,
                  @Value("${app.security.throttle-exempt-addresses:}") String exempt) {
        this.clock = clock;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.window = Duration.ofMinutes(windowMinutes);
        this.exempt = Arrays.stream(exempt.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** How long sign-ins from this address are still refused; zero when they are not. */
    Duration blockedFor(String address) {
        if (address == null || exempt.contains(address)) {
            return Duration.ZERO;
        }
        Instant until = blockedUntil.get(address);
        Instant now = clock.instant();
        if (until == null || !now.isBefore(until)) {
            if (until != null) {
                blockedUntil.remove(address, until);
            }
            return Duration.ZERO;
        }
        return Duration.between(now, until);
    }

    /** Counts a failed sign-in from the address; the failure that reaches the limit starts the block. */
    void failed(String address) {
        if (address == null || exempt.contains(address)) {
            return;
        }
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            forgetOld(now);
        }
        Deque<Instant> q = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        boolean block;
        synchronized (q) {
            while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(window))) {
                q.pollFirst();
            }
            q.addLast(now);
            block = q.size() >= maxFailures;
            if (block) {
                q.clear();
            }
        }
        if (block) {
            Instant until = now.plus(window);
            blockedUntil.put(address, until);
            log.warn("sign-ins from {} refused until {}: {} failed sign-ins within {} minutes", address, until, maxFailures,
                    window.toMinutes());
            audit.recordAs("system", "LOGIN_THROTTLED", "address", address, null,
                    Map.of("failures", maxFailures, "windowMinutes", window.toMinutes(), "until", until.toString()));
        }
    }

    private void forgetOld(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(now.minus(window));
            }
        });
    }
}
