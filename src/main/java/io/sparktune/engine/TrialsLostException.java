package io.sparktune.engine;

import io.sparktune.core.Messages;
import io.sparktune.core.Trial;
import io.sparktune.train.ClusterFaultException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Spark gave up on a job of trials after its own task retries: executors that cannot load the
 * classes the trials need (SparkTune's, a user's trainable), or make the trainable at all, a sweep
 * directory the executors cannot write, executors lost again and again.
 * The message says which of these it was, and what to do.
 * None of that is the trials' fault, so the run stops and leaves them unfinished: the same command,
 * run again once the cause is fixed, runs them then, and no trial is recorded as failed for it.
 */
public final class TrialsLostException extends RuntimeException {
    /** What a trial's task throws when it cannot write its progress, rungs or checkpoints. */
    private static final Pattern STORE_FAULT = Pattern.compile("StoreUnavailableException: ([^\\n]*)");

    private TrialsLostException(String message, Throwable cause) {
        super(message, cause);
    }

    static TrialsLostException of(List<Trial> trials, Throwable cause) {
        String text = String.valueOf(cause.getMessage());
        String which = (trials.size() == 1 ? "trial " : "trials ") + ids(trials);
        String stay = which + (trials.size() == 1 ? " stays" : " stay");
        Matcher classLoading = ClusterFaultException.CLASS_LOADING.matcher(text);
        if (classLoading.find()) {
            return new TrialsLostException("executors cannot load the classes the trials need (" + classLoading.group().strip()
                    + "): ship tune.jar and the jars its trainables need to them (spark-submit's application jar, --jars or"
                    + " spark.jars), then run the same command again; " + stay + " unfinished and run then", cause);
        }
        Matcher store = STORE_FAULT.matcher(text);
        if (store.find()) {
            // The same last words as a store fault the driver meets itself: which of the two comes first is a race.
            return new TrialsLostException("executors cannot write the sweep directory (" + store.group(1).strip() + "); " + stay
                    + " unfinished (the journal is consistent: run the same command again to resume)", cause);
        }
        return new TrialsLostException("Spark gave up on " + which + " after its task retries ("
                + Messages.firstLine(text) + "): see the executors' logs, then run the same command again; the trials stay unfinished and run then",
                cause);
    }

    private static String ids(List<Trial> trials) {
        String shown = trials.stream().limit(5).map(t -> String.valueOf(t.id())).collect(Collectors.joining(","));
        return trials.size() > 5 ? shown + ",... (" + trials.size() + ")" : shown;
    }
}
