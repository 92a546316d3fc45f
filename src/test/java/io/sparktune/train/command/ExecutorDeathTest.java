package io.sparktune.train.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.sparktune.train.command.CommandTrainableTest.alive;
import static io.sparktune.train.command.CommandTrainableTest.pids;
import static io.sparktune.train.command.CommandTrainableTest.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An executor JVM killed with SIGKILL, as YARN or the OOM killer do it: its command trials must not outlive it. */
class ExecutorDeathTest {
    @TempDir
    Path tmp;

    @Test
    void anExecutorKilledWithSigkillLeavesNoProcessOfItsTrialBehind() throws Exception {
        Path pidFile = tmp.resolve("pids");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process executor = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ExecutorStandIn.class.getName(),
                tmp.resolve("sweep").toString(), "python3", program("tree.py"), "--pidfile", pidFile.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("executor.log").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.exists(pidFile) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(pidFile), "the trial never started: " + Files.readString(tmp.resolve("executor.log")));
            List<Long> trial = new ArrayList<>();
            for (long pid : pids(Files.readString(pidFile))) {
                trial.add(pid);
            }
            List<ProcessHandle> everything = new ArrayList<>(executor.descendants().toList());
            assertTrue(trial.stream().allMatch(CommandTrainableTest::alive), "the trial's processes run before the kill");
            assertEquals(3, everything.size(), "the program, its child and the reaper: " + everything);

            executor.destroyForcibly().waitFor();

            long gone = System.currentTimeMillis() + 10_000;
            while (everything.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < gone) {
                Thread.sleep(50);
            }
            for (ProcessHandle p : everything) {
                assertTrue(!alive(p.pid()), "process " + p.pid() + " " + p.info().commandLine().orElse("")
                        + " outlived its executor");
            }
        } finally {
            executor.destroyForcibly();
        }
    }
}
