package io.sparktune.store;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * {@code trials/<id>/checkpoint/<step>.ckpt}: a trial's saved state. A new checkpoint is written whole
 * under a new name before older ones are removed, so a crash at any point leaves a readable one.
 */
public final class Checkpoints {
    private static final String SUFFIX = ".ckpt";

    private final SweepDirectory dir;
    private final Path folder;

    /** A checkpoint on the store. */
    public record Saved(long step, Path path) {
    }

    public Checkpoints(SweepDirectory dir, int trialId) {
        this.dir = dir;
        this.folder = new Path(dir.trialDir(trialId), "checkpoint");
    }

    public void save(long step, SweepDirectory.StreamWriter state) throws IOException {
        Path path = new Path(folder, String.format("%012d", step) + SUFFIX);
        dir.writeAtomically(path, state);
        for (FileStatus old : list()) {
            if (!old.getPath().equals(path)) {
                dir.fs().delete(old.getPath(), false);
            }
        }
    }

    public Optional<Saved> latest() throws IOException {
        return Arrays.stream(list())
                .map(s -> new Saved(Long.parseLong(s.getPath().getName().replace(SUFFIX, "")), s.getPath()))
                .max(Comparator.comparingLong(Saved::step));
    }

    /** Saves this trial's newest checkpoint as {@code target}'s, at the same step; empty when there is none to copy. */
    public Optional<Saved> copyLatestTo(Checkpoints target) throws IOException {
        Optional<Saved> latest = latest();
        if (latest.isPresent()) {
            try (InputStream in = open(latest.get())) {
                target.save(latest.get().step(), in::transferTo);
            }
        }
        return latest;
    }

    public InputStream open(Saved saved) throws IOException {
        return dir.fs().open(saved.path());
    }

    private FileStatus[] list() throws IOException {
        if (!dir.fs().exists(folder)) {
            return new FileStatus[0];
        }
        return dir.fs().listStatus(folder, p -> p.getName().endsWith(SUFFIX) && !p.getName().startsWith("."));
    }
}
