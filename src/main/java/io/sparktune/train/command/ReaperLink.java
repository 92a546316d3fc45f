package io.sparktune.train.command;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The executor's line to its {@link Reaper}: one reaper per executor JVM, started with the first
 * command trial and started again if it ever dies. The reaper runs from the jar (or classes folder)
 * this class came from, which on a cluster is the application jar Spark fetched.
 */
final class ReaperLink {
    private static ReaperLink shared;

    private final Process reaper;
    private final Writer commands;

    private ReaperLink(Process reaper) {
        this.reaper = reaper;
        this.commands = new OutputStreamWriter(reaper.getOutputStream(), StandardCharsets.UTF_8);
    }

    static synchronized ReaperLink get() throws IOException {
        if (shared == null || !shared.reaper.isAlive()) {
            shared = new ReaperLink(start());
        }
        return shared;
    }

    private static Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath;
        try {
            classPath = new File(Reaper.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the jar holding " + Reaper.class.getName(), e);
        }
        // A few MB of heap and no JIT tiers beyond C1: the reaper idles on a pipe for the executor's lifetime.
        return new ProcessBuilder(List.of(java, "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classPath, Reaper.class.getName()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    synchronized void watch(ProcessHandle command) throws IOException {
        commands.write("+" + command.pid() + " " + Reaper.startMillis(command) + "\n");
        commands.flush();
    }

    synchronized void release(ProcessHandle command) {
        try {
            commands.write("-" + command.pid() + "\n");
            commands.flush();
        } catch (IOException reaperGone) {
            // The command has ended already; a dead reaper has nothing left to do for it.
        }
    }
}
