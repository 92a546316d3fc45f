package io.sparktune.data;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Messages;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What every trial of a sweep trains and validates on: read once by the driver, broadcast once to
 * the executors. Shapes, class count and normalisation are settled here so that all trials see the
 * same data the same way.
 *
 * @param classes the number of classes (labels 0 to classes-1), or 0 for regression
 * @param shape   the shape of one sample as the network sees it
 */
public record TrainingData(Samples train, Samples validation, Normalization normalization, int classes, int[] shape)
        implements Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingData.class);

    /**
     * Reads {@code spec} on the driver for a trainable's {@code prepare}, with the session on the
     * running context (the engine started it) for Spark's CSV, Parquet and LibSVM readers. Data that
     * cannot be read is bad input, refused before any trial.
     */
    public static TrainingData forSweep(DataSpec spec, boolean classification) throws IOException {
        long start = System.currentTimeMillis();
        TrainingData loaded;
        try {
            loaded = load(spec, classification, SparkSession.builder().getOrCreate());
        } catch (Exception e) {
            // Spark's Scala readers throw AnalysisException undeclared, so it cannot be caught by name.
            if (e instanceof IOException || e instanceof AnalysisException) {
                throw new InvalidInputException(null, "trainable.data", Messages.firstLine(e.getMessage(), "cannot read the data"));
            }
            throw e;
        }
        LOG.info("data: {} training and {} validation samples of shape {}, {} classes, read in {} ms", loaded.train().size(),
                loaded.validation().size(), Arrays.toString(loaded.shape()), loaded.classes(), System.currentTimeMillis() - start);
        return loaded;
    }

    /** Reads {@code spec} on the driver. */
    public static TrainingData load(DataSpec spec, boolean classification, SparkSession spark) throws IOException {
        Samples train = read(spec, spec.resolve(spec.train()), spark, 0);
        Samples validation;
        if (spec.validation() != null) {
            validation = read(spec, spec.resolve(spec.validation()), spark, train.width());
            if (validation.width() != train.width()) {
                throw new IOException(spec.validation() + ": " + validation.width() + " features per sample, the training set has " + train.width());
            }
        } else {
            int[] order = shuffled(train.size(), DataSpec.SPLIT_SEED);
            int held = Math.max(1, (int) Math.round(train.size() * spec.split()));
            if (held >= train.size()) {
                throw new IOException(spec.train() + ": " + train.size() + " samples are too few to hold out " + spec.split());
            }
            validation = train.select(Arrays.copyOfRange(order, 0, held));
            train = train.select(Arrays.copyOfRange(order, held, order.length));
        }
        int[] shape = spec.shape() != null ? spec.shape() : train.shape();
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != train.width()) {
            throw new IOException("data.shape " + Arrays.toString(shape) + " does not hold the " + train.width() + " features of a sample");
        }
        int classes = classification ? Math.max(classes(train, spec.train()), classes(validation, spec.train())) : 0;
        return new TrainingData(train, validation, Normalization.fit(spec.normalize(), train), classes, shape);
    }

    private static Samples read(DataSpec spec, String path, SparkSession spark, int width) throws IOException {
        return spec.format() == DataSpec.Format.IDX
                ? IdxFiles.read(path, spark.sparkContext().hadoopConfiguration())
                : SparkTables.read(spark, spec.format(), path, spec.label(), width);
    }

    /** Classification labels are whole numbers from 0: the class count is the largest plus one. */
    private static int classes(Samples samples, String source) throws IOException {
        int max = 0;
        for (int i = 0; i < samples.size(); i++) {
            float label = samples.label(i);
            if (label < 0 || label != Math.rint(label)) {
                throw new IOException(source + ": label " + label + " of sample " + i
                        + " is not a class number (0, 1, 2, ...); for numeric targets set the trainable's task to regression");
            }
            max = Math.max(max, (int) label);
        }
        return max + 1;
    }

    /** A permutation of 0..n-1 from {@code seed}: the order of an epoch, or the rows of a split. */
    public static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
