package cn.yn.employment.review.internal;

import cn.yn.employment.common.web.ClientAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the chunks of a bulk action on a small pool, {@code app.review.bulk-parallelism} at a time (default 2), and
 * hands their results back on the calling thread in the order of the items. Each chunk is its own transaction (the
 * caller's work), so the all-or-each-with-reason rule of a chunk is unchanged; only the chunks overlap, which uses
 * the database and the second core while the other chunk waits on a round trip (docs/performance.md, P3). The
 * worker acts as the caller: its security context, client address (for the audit rows) and log context are carried
 * over. A parallelism of 1, or a single chunk, runs on the calling thread as before.
 */
@Component
public class ParallelChunks implements DisposableBean {

    private final int parallelism;
    private final ExecutorService pool;

    public ParallelChunks(@Value("${app.review.bulk-parallelism:2}") int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.parallelism, r -> {
            Thread t = new Thread(r, "review-bulk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Splits {@code items} into chunks of {@code chunkSize}, runs {@code work} on each (up to the parallelism at a
     * time) and passes every result to {@code each} on this thread, in item order, as soon as its chunk and all
     * earlier ones are done.
     */
    public <I, R> void run(List<I> items, int chunkSize, int parallelism, Function<List<I>, List<R>> work, Consumer<R> each) {
        int size = Math.max(1, chunkSize);
        List<List<I>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        if (Math.min(parallelism, this.parallelism) <= 1 || chunks.size() <= 1) {
            chunks.forEach(c -> work.apply(c).forEach(each));
            return;
        }
        SecurityContext security = SecurityContextHolder.getContext();
        String address = ClientAddress.current();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        List<Future<List<R>>> futures = new ArrayList<>(chunks.size());
        for (List<I> chunk : chunks) {
            futures.add(pool.submit(() -> asCaller(security, address, mdc, () -> work.apply(chunk))));
        }
        try {
            for (Future<List<R>> f : futures) {
                f.get().forEach(each);
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk action interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The configured parallelism. */
    public <I, R> void run(List<I> items, int chunkSize, Function<List<I>, List<R>> work, Consumer<R> each) {
        run(items, chunkSize, parallelism, work, each);
    }

    private static <T> T asCaller(SecurityContext security, String address, Map<String, String> mdc,
                                  java.util.function.Supplier<T> work) {
        SecurityContextHolder.setContext(security);
        if (mdc != null) {
            MDC.setContextMap(mdc);
        }
        try {
            return ClientAddress.carried(address, work);
        } finally {
            SecurityContextHolder.clearContext();
            MDC.clear();
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
