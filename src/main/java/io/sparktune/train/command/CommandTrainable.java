package io.sparktune.train.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.core.Config;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrialContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program as a trial: argv from the template, a scratch directory as its working directory,
 * metrics from its output or a file it writes. The program is started from an argv array, never
 * through a shell. It ends with its whole process tree when it runs out of time, when a scheduler
 * stops the trial, when the trial is cancelled, and (through the executor's {@link Reaper}) when
 * the executor dies.
 */
final class CommandTrainable implements Trainable {
    /** Shorter than the trial runner's own wait after a stop, so the SIGKILL lands before the runner moves on. */
    static final Duration TERM_GRACE = Duration.ofSeconds(3);
    static final int TAIL_CHARS = 64 * 1024;
    private static final int ERROR_LINES = 20;
    private static final long POLL_MILLIS = 50;
    private static final long DRAIN_MILLIS = 2_000;

    private final CommandOptions options;

    CommandTrainable(CommandOptions options) {
        this.options = options;
    }

    @Override
    public Map<String, Double> train(Config config, TrialContext context) throws Exception {
        ProgramFiles files = ProgramFiles.onThisExecutor();
        List<String> argv = options.argv().argv(config, files::resolve);
        Path workdir = options.workdir() == null ? context.scratchDir() : Path.of(files.resolve(options.workdir()));
        if (!Files.isDirectory(workdir)) {
            throw new CommandFailedException("workdir " + workdir + " is not a directory");
        }
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workdir.toFile());
        environment(builder.environment(), context);

        OutputTail stdout = new OutputTail(TAIL_CHARS);
        OutputTail stderr = new OutputTail(TAIL_CHARS);
        OutputScalars scalars = options.metrics() instanceof MetricsSource.Output output
                ? new OutputScalars(output.pattern(), context::report) : null;
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandFailedException("cannot start " + argv.get(0) + ": " + e.getMessage());
        }
        ReaperLink reaper = ReaperLink.get();
        reaper.watch(process.toHandle());
        try {
            process.getOutputStream().close();
            Thread out = pump(process.getInputStream(), stdout, scalars, "trial-" + context.trialId() + "-stdout");
            Thread err = pump(process.getErrorStream(), stderr, scalars, "trial-" + context.trialId() + "-stderr");
            Ending ending = await(process, context, scalars);
            out.join(DRAIN_MILLIS);
            err.join(DRAIN_MILLIS);
            return switch (ending) {
                case TIMED_OUT -> throw new CommandFailedException("timed out after " + options.timeout().toSeconds()
                        + "s; the process tree was killed" + tail(stderr));
                case STOPPED -> scalars == null ? Map.of() : scalars.finish();
                case EXITED -> exited(process.exitValue(), workdir, scalars, stderr);
            };
        } finally {
            if (process.isAlive()) {
                ProcessTree.terminate(process.toHandle(), TERM_GRACE);
            }
            reaper.release(process.toHandle());
            keep(context, "stdout.txt", stdout);
            keep(context, "stderr.txt", stderr);
        }
    }

    /** An empty stream is not kept: one small file fewer per trial on HDFS, and each write costs ~20 ms. */
    private static void keep(TrialContext context, String name, OutputTail tail) throws IOException {
        byte[] bytes = tail.bytes();
        if (bytes.length > 0) {
            context.saveOutput(name, bytes);
        }
    }

    private enum Ending { EXITED, TIMED_OUT, STOPPED }

    private void environment(Map<String, String> env, TrialContext context) {
        // Numerical libraries size their thread pools to the machine; a trial gets only its share.
        env.put("OMP_NUM_THREADS", String.valueOf(context.cpus()));
        env.putAll(options.env());
        env.put("SPARKTUNE_TRIAL_ID", String.valueOf(context.trialId()));
        env.put("SPARKTUNE_SEED", String.valueOf(context.seed()));
        if (!context.gpus().isEmpty()) {
            // Spark's assignment wins over the user's env: two trials on one executor must not share a GPU by accident.
            env.put("CUDA_VISIBLE_DEVICES", String.join(",", context.gpus()));
        }
    }

    /** Waits for the process to exit, to run out of time, or to be stopped; ends its tree in the last two cases. */
    private Ending await(Process process, TrialContext context, OutputScalars scalars) throws InterruptedException {
        long deadline = options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (context.shouldStop() || scalars != null && scalars.stopAsked()) {
                    ProcessTree.terminate(process.toHandle(), TERM_GRACE);
                    return Ending.STOPPED;
                }
                if (System.nanoTime() > deadline) {
                    ProcessTree.terminate(process.toHandle(), TERM_GRACE);
                    return Ending.TIMED_OUT;
                }
            }
            return Ending.EXITED;
        } catch (InterruptedException e) {
            // The task was cancelled or the sweep's trial timeout struck: the program goes with it.
            ProcessTree.terminate(process.toHandle(), TERM_GRACE);
            throw e;
        }
    }

    private Map<String, Double> exited(int code, Path workdir, OutputScalars scalars, OutputTail stderr)
            throws CommandFailedException, IOException {
        if (code != 0) {
            throw new CommandFailedException("exit code " + code + tail(stderr));
        }
        if (scalars != null) {
            return scalars.finish();
        }
        return metricsFile(workdir.resolve(((MetricsSource.JsonFile) options.metrics()).file()));
    }

    private static Map<String, Double> metricsFile(Path file) throws CommandFailedException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException("the program exited 0 but wrote no metrics file " + file);
        }
        JsonNode node = new ObjectMapper().readTree(file.toFile());
        if (node == null || !node.isObject()) {
            throw new CommandFailedException("metrics file " + file + " does not hold a JSON object");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isNumber()) {
                metrics.put(f.getKey(), f.getValue().asDouble());
            }
        });
        return metrics;
    }

    private static String tail(OutputTail stderr) {
        String lines = stderr.lastLines(ERROR_LINES);
        return lines.isBlank() ? "" : "; stderr ends:\n" + lines;
    }

    private static Thread pump(InputStream stream, OutputTail tail, OutputScalars scalars, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    tail.append(line);
                    if (scalars != null) {
                        scalars.accept(line);
                    }
                }
            } catch (IOException closed) {
                // The process ended or was killed: what was read so far is all there is.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
