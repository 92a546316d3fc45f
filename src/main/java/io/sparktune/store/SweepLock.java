package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code <out>/lock}: the driver that owns a sweep directory, with a heartbeat. A second driver is
 * refused while the heartbeat is fresh. A lock whose owner is gone (no heartbeat for
 * {@code staleAfter}, or a dead process on this same host) is taken over.
 */
public final class SweepLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SweepLock.class);
    public static final String FILE = "lock";

    private final SweepDirectory dir;
    private final String runId;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean lost;

    private SweepLock(SweepDirectory dir, String runId, Duration staleAfter) {
        this.dir = dir;
        this.runId = runId;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sweep-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(200, staleAfter.toMillis() / 4);
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * @param notice told when a stale lock is taken over
     * @throws SweepLockedException when a live driver holds the directory
     */
    public static SweepLock acquire(SweepDirectory dir, String runId, Duration staleAfter, Consumer<String> notice)
            throws IOException {
        Path path = dir.resolve(FILE);
        byte[] content = content(runId).getBytes(StandardCharsets.UTF_8);
        try (FSDataOutputStream out = dir.fs().create(path, false)) {
            out.write(content);
        } catch (FileAlreadyExistsException e) {
            takeOverIfStale(dir, runId, staleAfter, notice);
        } catch (IOException e) {
            if (!dir.fs().exists(path)) {
                throw e;
            }
            takeOverIfStale(dir, runId, staleAfter, notice);
        }
        return new SweepLock(dir, runId, staleAfter);
    }

    private static void takeOverIfStale(SweepDirectory dir, String runId, Duration staleAfter, Consumer<String> notice)
            throws IOException {
        Path path = dir.resolve(FILE);
        JsonNode holder = Json.MAPPER.readTree(dir.readText(path));
        long age = System.currentTimeMillis() - holder.path("heartbeat").asLong(0);
        String host = holder.path("host").asText();
        long pid = holder.path("pid").asLong(-1);
        boolean deadHere = host.equals(hostName()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        if (age < staleAfter.toMillis() && !deadHere) {
            throw new SweepLockedException("another run holds " + dir.uri() + " (" + holder.path("owner").asText()
                    + ", run " + holder.path("run").asText() + ", heartbeat " + age / 1000 + "s ago); it is refused until that run ends "
                    + "or its lock is " + staleAfter.toSeconds() + "s stale");
        }
        notice.accept("taking over the lock of run " + holder.path("run").asText() + " (" + holder.path("owner").asText()
                + (deadHere ? ", process gone" : ", no heartbeat for " + age / 1000 + "s") + ")");
        dir.writeAtomically(path, content(runId));
    }

    private void beat() {
        try {
            Path path = dir.resolve(FILE);
            JsonNode holder = Json.MAPPER.readTree(dir.readText(path));
            if (!runId.equals(holder.path("run").asText())) {
                lost = true;
                LOG.error("run {} lost the lock of {} to run {}", runId, dir.uri(), holder.path("run").asText());
                heartbeat.shutdown();
                return;
            }
            dir.writeAtomically(path, content(runId));
        } catch (IOException | RuntimeException e) {
            LOG.warn("lock heartbeat failed (will retry): {}", e.toString());
        }
    }

    /** True once another run has taken the lock over: this run must stop writing. */
    public boolean lost() {
        return lost;
    }

    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        if (!lost) {
            dir.fs().delete(dir.resolve(FILE), false);
        }
    }

    private static String content(String runId) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        long pid = ProcessHandle.current().pid();
        node.put("owner", hostName() + ":" + pid);
        node.put("host", hostName());
        node.put("pid", pid);
        node.put("run", runId);
        node.put("heartbeat", System.currentTimeMillis());
        return node.toString();
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
