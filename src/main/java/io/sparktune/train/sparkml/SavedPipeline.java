package io.sparktune.train.sparkml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.core.InvalidInputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of an unfitted {@link Pipeline} saved with {@code Pipeline.write}, as a spec's
 * validation sees them before any Spark runs: each stage made as Spark's {@code DefaultParamsReader}
 * makes it, by its class and uid from the saved metadata, so its params are the real ones and keep
 * the saved uids that a trial's {@code Pipeline.load} gives them. Only their names and types are used.
 */
final class SavedPipeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedPipeline() {
    }

    /** A pipeline of the saved one's stage classes and uids, with default values; refused at {@code where} naming the path. */
    static Pipeline stages(String path, String where) {
        try {
            Path root = new Path(path);
            FileSystem fs = root.getFileSystem(new Configuration());
            JsonNode metadata = metadata(fs, new Path(root, "metadata"));
            if (!Pipeline.class.getName().equals(metadata.path("class").asText())) {
                throw new InvalidInputException(null, where, path + " holds a " + metadata.path("class").asText()
                        + ", not a Pipeline saved with Pipeline.write");
            }
            List<PipelineStage> stages = new ArrayList<>();
            JsonNode uids = metadata.path("paramMap").path("stageUids");
            String digits = "%0" + String.valueOf(uids.size()).length() + "d";
            for (int i = 0; i < uids.size(); i++) {
                Path stage = new Path(root, "stages/" + String.format(digits, i) + "_" + uids.get(i).asText());
                stages.add(stage(metadata(fs, new Path(stage, "metadata")), where));
            }
            return new Pipeline(metadata.path("uid").asText()).setStages(stages.toArray(new PipelineStage[0]));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(null, where, "cannot read a saved Pipeline at " + path + ": " + e.getMessage());
        }
    }

    private static PipelineStage stage(JsonNode metadata, String where) {
        String className = metadata.path("class").asText();
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            return (PipelineStage) type.getConstructor(String.class).newInstance(metadata.path("uid").asText());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new InvalidInputException(null, where, "the saved pipeline's stage " + className + " cannot be made: " + e);
        }
    }

    /** Spark writes metadata as a one-line text file, {@code part-00000}, in a folder. */
    private static JsonNode metadata(FileSystem fs, Path folder) throws IOException {
        for (FileStatus file : fs.listStatus(folder)) {
            if (file.getPath().getName().startsWith("part-")) {
                try (InputStream in = fs.open(file.getPath())) {
                    return JSON.readTree(in);
                }
            }
        }
        throw new IOException("no metadata in " + folder);
    }
}
