package io.sparktune.trial;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The JVM-wide pool that hands out GPUs on a local master, with Spark's meaning of a task's GPU amount. */
class GpuPoolTest {

    @Test
    void trialsAtOnceFollowSparksTaskAmounts() {
        assertEquals(2, new GpuPool(List.of("0", "1"), 1).trialsAtOnce());
        assertEquals(4, new GpuPool(List.of("0"), 0.25).trialsAtOnce());
        assertEquals(3, new GpuPool(List.of("0"), 1.0 / 3).trialsAtOnce());
        assertEquals(1, new GpuPool(List.of("0", "1", "2"), 2).trialsAtOnce());
        assertEquals(0, new GpuPool(List.of("0"), 2).trialsAtOnce());
    }

    @Test
    void twoGpusPerTrialAreTwoAddressesOfItsOwnAndTheNextTrialWaitsForThem() throws Exception {
        GpuPool pool = new GpuPool(List.of("a", "b", "c"), 2);
        List<String> first = pool.take();
        assertEquals(2, new HashSet<>(first).size(), first.toString());

        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(second.isDone(), "a second trial took GPUs while only one was free");
        pool.giveBack(first);
        assertEquals(2, new HashSet<>(second.get(5, TimeUnit.SECONDS)).size());
    }

    @Test
    void halfAGpuPerTrialSpreadsOverTheAddressesBeforeSharingOne() throws Exception {
        GpuPool pool = new GpuPool(List.of("x", "y"), 0.5);
        Set<String> firstTwo = new HashSet<>(pool.take());
        firstTwo.addAll(pool.take());
        assertEquals(Set.of("x", "y"), firstTwo);
        List<String> third = pool.take();
        List<String> fourth = pool.take();
        assertEquals(Set.of("x", "y"), Set.of(third.get(0), fourth.get(0)));
    }
}
