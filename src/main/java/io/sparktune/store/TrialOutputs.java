package io.sparktune.store;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code trials/<id>/output/<name>}: small files a trial keeps, such as the tails of a command's
 * stdout and stderr. Names are plain file names, so nothing a trainable passes can reach outside
 * the folder or hide from a listing.
 */
public final class TrialOutputs {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private final SweepDirectory dir;
    private final Path folder;

    public TrialOutputs(SweepDirectory dir, int trialId) {
        this.dir = dir;
        this.folder = new Path(dir.trialDir(trialId), "output");
    }

    public void save(String name, byte[] content) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("output name '" + name + "' is not a plain file name (letters, digits, '.', '_', '-')");
        }
        dir.writeAtomically(new Path(folder, name), out -> out.write(content));
    }

    /** Every output of the trial by name, sorted; empty when it kept none. */
    public Map<String, String> readAll() throws IOException {
        Map<String, String> outputs = new TreeMap<>();
        if (!dir.exists(folder)) {
            return outputs;
        }
        for (FileStatus file : dir.fs().listStatus(folder, p -> !p.getName().startsWith("."))) {
            outputs.put(file.getPath().getName(), dir.readText(file.getPath()));
        }
        return outputs;
    }
}
