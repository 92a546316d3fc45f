package io.sparktune.trial;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GPU addresses that trials take while they run when Spark has none to give: on a local master the
 * executor is the driver JVM, so one pool per JVM (whatever copy of this record a task holds) hands
 * out what the driver found. A trial takes {@code perTrial} GPUs on start and gives them back at its
 * end, as Spark's task amounts go: a share below 1 puts {@code 1 / perTrial} trials on one address
 * (0.5: two), a whole number gives a trial that many addresses of its own.
 *
 * <p>A trainable abandoned after its timeout may still be using its GPU when it is given back; it
 * can no longer write to the store, and a GPU shared a while is slower, not wrong.
 */
public record GpuPool(List<String> addresses, double perTrial) implements Serializable {
    private static final Map<GpuPool, Shares> FREE = new ConcurrentHashMap<>();

    public GpuPool {
        addresses = List.copyOf(addresses);
    }

    /** How many trials can hold their GPUs at once: the most that should run at once. */
    public int trialsAtOnce() {
        return perTrial < 1 ? addresses.size() * sharesPerAddress() : (int) (addresses.size() / perTrial);
    }

    /** Waits until the trial's GPUs are free, and takes them. */
    List<String> take() throws InterruptedException {
        return FREE.computeIfAbsent(this, Shares::new).take();
    }

    void giveBack(List<String> taken) {
        FREE.get(this).giveBack(taken);
    }

    private int sharesPerAddress() {
        // The small epsilon keeps 1 / (1.0 / 3) from flooring to 2.
        return perTrial < 1 ? (int) Math.floor(1 / perTrial + 1e-9) : 1;
    }

    private int addressesPerTrial() {
        return perTrial < 1 ? 1 : (int) perTrial;
    }

    /** The free shares of each address. */
    private static final class Shares {
        private final GpuPool pool;
        private final int[] free;

        Shares(GpuPool pool) {
            this.pool = pool;
            this.free = new int[pool.addresses.size()];
            Arrays.fill(free, pool.sharesPerAddress());
        }

        synchronized List<String> take() throws InterruptedException {
            List<Integer> chosen;
            while ((chosen = leastUsed()).size() < pool.addressesPerTrial()) {
                wait();
            }
            List<String> taken = new ArrayList<>();
            for (int i : chosen) {
                free[i]--;
                taken.add(pool.addresses.get(i));
            }
            return taken;
        }

        synchronized void giveBack(List<String> taken) {
            taken.forEach(address -> free[pool.addresses.indexOf(address)]++);
            notifyAll();
        }

        /** The addresses with a free share, most free first, so that trials spread over the GPUs before sharing one. */
        private List<Integer> leastUsed() {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < free.length; i++) {
                if (free[i] > 0) {
                    open.add(i);
                }
            }
            open.sort((a, b) -> Integer.compare(free[b], free[a]));
            return open.subList(0, Math.min(open.size(), pool.addressesPerTrial()));
        }
    }
}
