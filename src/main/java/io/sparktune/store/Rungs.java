package io.sparktune.store;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code rungs/<step>/<trialId>}: the loss each trial had when it reached a rung, written by executors
 * so that schedulers coordinate through the sweep directory with no daemon. A trial has at most one
 * record per rung: the file is named for the trial, and a retried trial finds its first record and
 * keeps it, so its decision is made again against the same earlier records.
 */
public final class Rungs {
    static final String DIR = "rungs";

    /**
     * @param order where the record stands among the rung's records: the file system's modification
     *              time, one clock (the NameNode's on HDFS) for every executor, then the trial id
     */
    public record Entry(int trialId, double loss, long order) {
        public static final Comparator<Entry> BY_LOSS = Comparator.comparingDouble(Entry::loss).thenComparingInt(Entry::trialId);
        static final Comparator<Entry> BY_ARRIVAL = Comparator.comparingLong(Entry::order).thenComparingInt(Entry::trialId);

        /** Whether this record was in place before {@code other}. */
        public boolean notAfter(Entry other) {
            return BY_ARRIVAL.compare(this, other) <= 0;
        }
    }

    private final SweepDirectory dir;

    public Rungs(SweepDirectory dir) {
        this.dir = dir;
    }

    /** Records {@code loss} for the trial at the rung unless it has a record there; returns the record that stands. */
    public Entry record(long step, int trialId, double loss) throws IOException {
        Path path = new Path(folder(step), Integer.toString(trialId));
        if (!dir.exists(path)) {
            dir.writeAtomically(path, Double.toString(loss));
        }
        return entry(dir.fs().getFileStatus(path));
    }

    /** Every record at the rung, in no particular order. */
    public List<Entry> at(long step) throws IOException {
        Path folder = folder(step);
        List<Entry> entries = new ArrayList<>();
        if (!dir.exists(folder)) {
            return entries;
        }
        for (FileStatus file : dir.fs().listStatus(folder, p -> !p.getName().startsWith("."))) {
            entries.add(entry(file));
        }
        return entries;
    }

    private Entry entry(FileStatus file) throws IOException {
        double loss = Double.parseDouble(dir.readText(file.getPath()).trim());
        return new Entry(Integer.parseInt(file.getPath().getName()), loss, file.getModificationTime());
    }

    private Path folder(long step) {
        return dir.resolve(DIR + "/" + step);
    }
}
