package io.sparktune.train.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Config;
import io.sparktune.store.Json;
import io.sparktune.train.TrialContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A trained network as a trial leaves it in {@code trials/<id>/model/} (and the sweep in
 * {@code best/model/}): DJL's parameter file {@code model-NNNN.params} and {@code network.json}, the
 * architecture, config and sample shape that rebuild the block the parameters belong to.
 */
public final class SavedNetwork {
    static final String NAME = "model";
    private static final String DESCRIPTION = "network.json";

    private SavedNetwork() {
    }

    static void save(TrialContext context, Model model, Architecture architecture, Config config, int[] shape, int outputs)
            throws IOException {
        Path local = Files.createTempDirectory("sparktune-model-");
        try {
            model.save(local, NAME);
            try (Stream<Path> files = Files.list(local)) {
                for (Path file : files.toList()) {
                    context.saveModelFile(file.getFileName().toString(), out -> Files.copy(file, out));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(local)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        ObjectNode description = Json.MAPPER.createObjectNode();
        description.put("architecture", architecture.label());
        description.set("config", Json.config(config));
        description.set("shape", Json.MAPPER.valueToTree(shape));
        description.put("outputs", outputs);
        byte[] text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(description);
        context.saveModelFile(DESCRIPTION, out -> out.write(text));
    }

    /**
     * Loads a saved network from a local folder, ready for {@code model.newPredictor(translator)}:
     * {@code SavedNetwork.load(Path.of("sweeps/fmnist/best/model"))}. The caller closes the model.
     */
    public static Model load(Path dir) throws IOException, MalformedModelException {
        JsonNode description = Json.MAPPER.readTree(Files.readString(dir.resolve(DESCRIPTION), StandardCharsets.UTF_8));
        Architecture architecture = Architecture.valueOf(description.get("architecture").asText().toUpperCase(java.util.Locale.ROOT));
        int[] shape = Json.MAPPER.treeToValue(description.get("shape"), int[].class);
        Block block = architecture.build(Hyperparameters.of(Json.config(description.get("config"))), shape,
                description.get("outputs").asInt(), new DropoutNoise());
        Model model = Model.newInstance(NAME, "PyTorch");
        model.setDataType(DataType.FLOAT32);
        model.setBlock(block);
        model.load(dir, NAME);
        return model;
    }
}
