package cn.yn.employment.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.web.ClientAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class ParallelChunksTest {

    final ParallelChunks chunks = new ParallelChunks(2);

    @AfterEach
    void tearDown() {
        chunks.destroy();
        SecurityContextHolder.clearContext();
    }

    @Test
    void resultsComeBackOnTheCallingThreadInItemOrderWhateverOrderTheChunksFinishIn() {
        List<Integer> items = IntStream.range(0, 95).boxed().toList();
        Thread caller = Thread.currentThread();
        Set<String> workers = ConcurrentHashMap.newKeySet();
        List<Integer> seen = new ArrayList<>();
        chunks.run(items, 10, chunk -> {
            workers.add(Thread.currentThread().getName());
            if (chunk.get(0) == 0) {
                sleep(200);   // the first chunk finishes last
            }
            return chunk.stream().map(i -> i * 2).toList();
        }, r -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add(r);
        });
        assertThat(seen).isEqualTo(items.stream().map(i -> i * 2).toList());
        assertThat(workers).allMatch(n -> n.startsWith("review-bulk-")).hasSize(2);
    }

    @Test
    void workersActAsTheCallerAndForgetItAfterwards() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("reviewer-a", null));
        List<String> seen = new ArrayList<>();
        ClientAddress.carried("10.1.2.3", () -> {
            chunks.run(List.of(1, 2, 3, 4), 1, chunk -> List.of(SecurityContextHolder.getContext().getAuthentication().getName()
                    + "@" + ClientAddress.current()), seen::add);
            return null;
        });
        assertThat(seen).containsExactly("reviewer-a@10.1.2.3", "reviewer-a@10.1.2.3", "reviewer-a@10.1.2.3", "reviewer-a@10.1.2.3");
        List<Object> after = new ArrayList<>();
        chunks.run(List.of(1, 2, 3, 4), 1, 2, chunk -> List.of(String.valueOf(ClientAddress.current())), after::add);
        assertThat(after).containsOnly("null");
    }

    @Test
    void parallelismOneRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        List<Boolean> onCaller = new ArrayList<>();
        chunks.run(List.of(1, 2, 3), 1, 1, chunk -> List.of(Thread.currentThread() == caller), onCaller::add);
        assertThat(onCaller).containsExactly(true, true, true);
    }

    @Test
    void aChunkThatThrowsFailsTheCallWithItsException() {
        assertThatThrownBy(() -> chunks.run(List.of(1, 2, 3, 4), 2, chunk -> {
            if (chunk.contains(3)) {
                throw new IllegalArgumentException("chunk 2");
            }
            return chunk;
        }, r -> { })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 2");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
