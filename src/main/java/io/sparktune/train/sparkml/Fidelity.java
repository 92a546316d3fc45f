package io.sparktune.train.sparkml;

import io.sparktune.core.InvalidInputException;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;

import java.io.Serializable;
import java.util.List;

/**
 * What a trial's fidelity steps scale, so that asha and median can stop it early: step s
 * of the last, L, fits either on s/L of the training rows (every estimator takes that) or with s/L of
 * the trial's iteration count ({@code numTrees}, {@code maxIter}) on all of them.
 *
 * @param steps      ascending steps the trial fits at
 * @param iterations the iteration-count param the steps scale, by its name in the space; null: the rows
 */
public record Fidelity(List<Long> steps, String iterations) implements Serializable {
    /** The fidelity of a one-step trial: one fit on all the rows. */
    public static final Fidelity NONE = new Fidelity(List.of(1L), null);
    public static final String AUTO = "auto";
    public static final String ROWS = "rows";

    /**
     * The fidelity {@code choice} names for {@code estimator}: {@value #ROWS}, an int param's name, or
     * {@value #AUTO}, which picks per estimator: a forest's {@code numTrees} (its trees are
     * independent, so on a large table a smaller forest costs about that share and votes much as the
     * whole one will; on a small one Spark's per-level jobs, shared by all the trees, dominate), else an
     * iterative estimator's {@code maxIter} (logistic regression, boosted trees: each iteration is a
     * Spark job over all the rows, so on a table of modest size a fit's time is its iterations' jobs
     * and a fraction of the rows saves little), else the rows.
     */
    public static Fidelity of(List<Long> steps, String choice, Estimator<?> estimator, EstimatorParams params, String path) {
        if (steps.size() == 1 || choice.equals(ROWS)) {
            return new Fidelity(steps, null);
        }
        if (choice.equals(AUTO)) {
            String iterations = estimator.hasParam("numTrees") ? "numTrees" : estimator.hasParam("maxIter") ? "maxIter" : null;
            return new Fidelity(steps, iterations);
        }
        Param<?> param = params.param(choice);
        if (param == null || ParamKind.of(param).orElse(null) != ParamKind.INT) {
            throw new InvalidInputException(null, path, "expected auto, rows or an int param of the estimator such as maxIter or numTrees, got "
                    + choice);
        }
        return new Fidelity(steps, choice);
    }

    public long last() {
        return steps.get(steps.size() - 1);
    }

    /** The share of the training rows that step {@code step} fits on. */
    double rows(long step) {
        return iterations == null ? (double) step / last() : 1;
    }

    /**
     * The trial's params at {@code step}: with an iteration count, that count scaled by step/last (at
     * least 1) from the trial's own value, or from the estimator's where the space leaves it.
     */
    public ParamMap at(long step, ParamMap trial, Estimator<?> estimator) {
        if (iterations == null || step == last()) {
            return trial;
        }
        Param<Object> param = EstimatorParams.typed(EstimatorParams.of(estimator).param(iterations));
        int full = (Integer) (trial.contains(param) ? trial.apply(param) : owner(estimator, param).getOrDefault(param));
        ParamMap scaled = trial.copy();
        scaled.put(param, (int) Math.max(1, Math.round((double) full * step / last())));
        return scaled;
    }

    /** The stage of a pipeline that {@code param} belongs to, or the estimator itself. */
    private static Params owner(Estimator<?> estimator, Param<?> param) {
        if (estimator instanceof Pipeline pipeline) {
            for (PipelineStage stage : pipeline.getStages()) {
                if (stage.uid().equals(param.parent())) {
                    return stage;
                }
            }
        }
        return estimator;
    }
}
