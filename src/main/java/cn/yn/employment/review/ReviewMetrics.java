package cn.yn.employment.review;

import cn.yn.employment.common.ops.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The review module's meters: {@code ems.reviews} (decisions taken, by decision, level and kind; counted once the
 * decision's transaction has committed) and {@code ems.inbox.query} (inbox page and count latency).
 */
@Component
class ReviewMetrics {

    private final MeterRegistry registry;
    private final Timer inboxPage;
    private final Timer inboxCount;

    ReviewMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.inboxPage = inboxTimer(registry, "page");
        this.inboxCount = inboxTimer(registry, "count");
    }

    private static Timer inboxTimer(MeterRegistry registry, String query) {
        return Timer.builder("ems.inbox.query").description("Reviewer inbox queries (a page of items, or a count)")
                .tag("query", query).publishPercentileHistogram().register(registry);
    }

    /** decision APPROVE or RETURN; level city or province; kind REPORT or FILING. */
    void decided(Decision decision, boolean provinceLevel, String kind) {
        Counter c = Counter.builder("ems.reviews").description("Review decisions taken by reviewers")
                .tag("decision", decision.name().toLowerCase(Locale.ROOT))
                .tag("level", provinceLevel ? "province" : "city")
                .tag("kind", kind == null ? "unknown" : kind.toLowerCase(Locale.ROOT))
                .register(registry);
        AfterCommit.run(c::increment);
    }

    <T> T page(Supplier<T> query) {
        return inboxPage.record(query);
    }

    <T> T count(Supplier<T> query) {
        return inboxCount.record(query);
    }
}
