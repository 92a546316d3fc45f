package io.sparktune.train.command;

import io.sparktune.core.Goals;
import io.sparktune.core.Config;
import io.sparktune.core.Objective;
import io.sparktune.core.PluginSpec;
import io.sparktune.core.Trial;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.SweepDirectory;
import io.sparktune.trial.TrialRunner;
import org.apache.hadoop.conf.Configuration;

import java.util.List;
import java.util.Map;

/**
 * A JVM that runs one command trial the way an executor does, for a test to kill with SIGKILL.
 * Arguments: the sweep directory, then the command's argv.
 */
public final class ExecutorStandIn {
    private ExecutorStandIn() {
    }

    public static void main(String[] args) throws Exception {
        CommandOptions command = CommandOptions.parse(new PluginSpec("command", Map.of("argv", List.of(args).subList(1, args.length))), "trainable");
        TrialRunner runner = new TrialRunner(new StoreLocation(SweepDirectory.at(args[0], new Configuration())), command,
                new SchedulerSpec.FifoOptions(), Goals.of(new Objective("loss", Objective.Mode.MIN)), null, 1, 100, null);
        runner.run(new Trial(0, Config.of(Map.of()), 1, 1));
    }
}
