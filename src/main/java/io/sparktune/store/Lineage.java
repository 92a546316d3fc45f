package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Config;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code lineage/<id>.json}: where a trial that population based training cloned came from: the
 * parent whose checkpoint it continues, at which step, and the parent's config it perturbed.
 */
public record Lineage(int trialId, int parent, long step, Config parentConfig, Config config) {
    static final String DIR = "lineage";
    private static final String SUFFIX = ".json";

    public void write(SweepDirectory dir) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("trial", trialId);
        node.put("parent", parent);
        node.put("step", step);
        node.set("parentConfig", Json.config(parentConfig));
        node.set("config", Json.config(config));
        dir.writeAtomically(dir.resolve(DIR + "/" + trialId + SUFFIX), node.toString());
    }

    /** Every recorded clone, by trial id. */
    public static List<Lineage> all(SweepDirectory dir) throws IOException {
        Path folder = dir.resolve(DIR);
        List<Lineage> all = new ArrayList<>();
        if (!dir.exists(folder)) {
            return all;
        }
        for (FileStatus file : dir.fs().listStatus(folder, p -> p.getName().endsWith(SUFFIX) && !p.getName().startsWith("."))) {
            JsonNode node = Json.MAPPER.readTree(dir.readText(file.getPath()));
            all.add(new Lineage(node.get("trial").asInt(), node.get("parent").asInt(), node.get("step").asLong(),
                    Json.config(node.get("parentConfig")), Json.config(node.get("config"))));
        }
        all.sort(Comparator.comparingInt(Lineage::trialId));
        return all;
    }

    /** The parameters the clone changed, as {@code name old->new}. */
    public String changes() {
        StringBuilder out = new StringBuilder();
        config.values().forEach((name, value) -> {
            Object old = parentConfig.values().get(name);
            if (!value.equals(old)) {
                out.append(out.length() == 0 ? "" : " ").append(name).append(' ').append(old).append("->").append(value);
            }
        });
        return out.toString();
    }
}
