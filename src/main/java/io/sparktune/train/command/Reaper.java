package io.sparktune.train.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A small JVM that outlives its executor to end the commands the executor left running. The
 * executor keeps the write end of this process's stdin and sends {@code +pid start} when a command
 * starts and {@code -pid} when it ends. When the executor dies in any way, kill -9 included, the
 * kernel closes that pipe; the reaper reads end-of-file and ends every command still listed, with
 * its whole process tree, then exits.
 *
 * <p>Why a process and not a shutdown hook: a hook never runs after SIGKILL (YARN's and the OOM
 * killer's signal). Why not a process group or PR_SET_PDEATHSIG: Java can set neither on a child,
 * and a death signal would reach only the direct child, not the workers a training script forks.
 */
public final class Reaper {
    static final Duration GRACE = Duration.ofSeconds(2);

    private Reaper() {
    }

    public static void main(String[] args) throws IOException {
        Map<Long, Long> watched = new HashMap<>();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = commands.readLine()) != null) {
                String[] parts = line.split(" ");
                long pid = Long.parseLong(parts[0].substring(1));
                if (line.startsWith("+")) {
                    watched.put(pid, Long.parseLong(parts[1]));
                } else {
                    watched.remove(pid);
                }
            }
        } catch (IOException executorGone) {
            // A broken pipe means the same as end-of-file: nobody will release these commands any more.
        }
        watched.forEach((pid, start) -> ProcessHandle.of(pid)
                .filter(p -> startMillis(p) == start)
                .ifPresent(p -> ProcessTree.terminate(p, GRACE)));
    }

    /** When a process started, so a recycled pid is never taken for the command that had it. */
    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }
}
