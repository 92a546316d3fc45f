package io.sparktune.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a {@link TuneValidator} fitted: the best params' model, refitted on the whole dataset, which
 * it transforms with, and the table of every trial (params, metric per fold and mean, status,
 * times). Saved as {@code metadata/} (Spark ML's layout), {@code bestModel/} (the model's own Spark
 * ML format) and {@code trials/} (Parquet).
 */
public final class TuneValidatorModel extends Model<TuneValidatorModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Model<?> bestModel;
    private final transient Dataset<Row> trials;

    TuneValidatorModel(String uid, Model<?> bestModel, Dataset<Row> trials) {
        this.uid = uid;
        this.bestModel = bestModel;
        this.trials = trials;
    }

    @Override
    public String uid() {
        return uid;
    }

    public Model<?> bestModel() {
        return bestModel;
    }

    /** Every trial: {@code trial_id}, {@code status}, a column per param and per metric, times. */
    public Dataset<Row> trials() {
        return trials;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        return bestModel.transform(dataset);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return bestModel.transformSchema(schema);
    }

    @Override
    public TuneValidatorModel copy(ParamMap extra) {
        return copyValues(new TuneValidatorModel(uid, (Model<?>) bestModel.copy(extra), trials), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        if (!(bestModel instanceof MLWritable writable)) {
            throw new UnsupportedOperationException(bestModel.getClass().getName() + " cannot be saved: it is not MLWritable");
        }
        return new MLWriter() {
            @Override
            public void saveImpl(String path) {
                try {
                    writable.write().save(path + "/bestModel");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save the best model under " + path, e);
                }
                trials.write().parquet(path + "/trials");
                ObjectNode metadata = StageMetadata.of(TuneValidatorModel.class, uid, sparkSession());
                metadata.put("bestModelClass", bestModel.getClass().getName());
                StageMetadata.write(sparkSession(), path, metadata);
            }
        };
    }

    /** Spark ML's way to a model's loader, which {@code PipelineModel.load} calls for each stage. */
    public static MLReader<TuneValidatorModel> read() {
        return new MLReader<>() {
            @Override
            public TuneValidatorModel load(String path) {
                JsonNode metadata = StageMetadata.read(sparkSession(), path, TuneValidatorModel.class);
                String modelClass = metadata.path("bestModelClass").asText();
                Model<?> bestModel;
                try {
                    bestModel = (Model<?>) Class.forName(modelClass).getMethod("load", String.class).invoke(null, path + "/bestModel");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot load the best model, a " + modelClass + ", from " + path + "/bestModel: " + e, e);
                }
                return new TuneValidatorModel(metadata.path("uid").asText(), bestModel, sparkSession().read().parquet(path + "/trials"));
            }
        };
    }

    /** Loads a model that {@link #write()} saved. */
    public static TuneValidatorModel load(String path) {
        return read().load(path);
    }
}
