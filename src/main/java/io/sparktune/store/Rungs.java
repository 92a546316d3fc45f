package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code rungs/<step>/<trialId>}: the losses each trial had when it reached a rung, written by executors
 * so that schedulers coordinate through the sweep directory with no daemon. A trial has at most one
 * record per rung: the file is named for the trial, and a retried trial finds its first record and
 * keeps it, so its decision is made again against the same earlier records.
 *
 * <p>A record with one objective and no broken constraint is the bare loss ({@code 0.25}), as every
 * sweep wrote it before sweeps had several objectives, so old sweep directories read back as they
 * were; any other record is {@code {"losses": [0.25, 3.0], "violation": 0.0}}.
 */
public final class Rungs {
    static final String DIR = "rungs";

    /**
     * @param losses    every objective's loss when the trial reached the rung (negated where the sweep maximises)
     * @param violation how far that step broke the constraints whose metrics it reported, 0 when it kept them
     * @param order where the record stands among the rung's records: the file system's modification
     *              time, one clock (the NameNode's on HDFS) for every executor, then the trial id
     */
    public record Entry(int trialId, double[] losses, double violation, long order) {
        public static final Comparator<Entry> BY_LOSS = Comparator.comparingDouble(Entry::loss).thenComparingInt(Entry::trialId);

        /** The first objective's loss: the only one in a one-objective sweep. */
        public double loss() {
            return losses[0];
        }

        /** One objective and no broken constraint: ranked by its loss alone. */
        public boolean single() {
            return losses.length == 1 && violation == 0;
        }
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

    /** Records a one-objective {@code loss} for the trial at the rung unless it has a record there; returns the record that stands. */
    public Entry record(long step, int trialId, double loss) throws IOException {
        return record(step, trialId, new double[]{loss}, 0);
    }

    /**
     * Records the trial's {@code losses} (one per objective) and how far it broke its constraints at
     * the rung, unless it has a record there; returns the record that stands.
     */
    public Entry record(long step, int trialId, double[] losses, double violation) throws IOException {
        Path path = new Path(folder(step), Integer.toString(trialId));
        if (!dir.exists(path)) {
            dir.writeAtomically(path, text(losses, violation));
        }
        return entry(dir.fs().getFileStatus(path));
    }

    private static String text(double[] losses, double violation) throws IOException {
        if (losses.length == 1 && violation == 0) {
            return Double.toString(losses[0]);
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode values = node.putArray("losses");
        for (double l : losses) {
            values.add(l);
        }
        node.put("violation", violation);
        return Json.MAPPER.writeValueAsString(node);
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
        String text = dir.readText(file.getPath()).trim();
        int trialId = Integer.parseInt(file.getPath().getName());
        if (!text.startsWith("{")) {
            return new Entry(trialId, new double[]{Double.parseDouble(text)}, 0, file.getModificationTime());
        }
        JsonNode node = Json.MAPPER.readTree(text);
        double[] losses = new double[node.get("losses").size()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = node.get("losses").get(i).asDouble();
        }
        return new Entry(trialId, losses, node.get("violation").asDouble(), file.getModificationTime());
    }

    private Path folder(long step) {
        return dir.resolve(DIR + "/" + step);
    }
}
