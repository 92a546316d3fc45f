package io.sparktune.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sweep optimises: one or more objectives, and the constraints a trial must keep to count.
 * A sweep with {@code metric} and {@code mode} has one objective and no constraints.
 */
public record Goals(List<Objective> objectives, List<Constraint> constraints) implements Serializable {

    public Goals {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one objective");
        }
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
    }

    public static Goals of(Objective objective) {
        return new Goals(List.of(objective), List.of());
    }

    /** The first objective: the one {@code best.json}, the one-objective searchers and the schedulers use. */
    public Objective primary() {
        return objectives.get(0);
    }

    public boolean several() {
        return objectives.size() > 1;
    }

    /** One objective and no constraints: a sweep as it was before objectives and constraints existed. */
    public boolean single() {
        return !several() && constraints.isEmpty();
    }

    /** Every objective's loss (negated where it is maximised), empty when the result lacks one of them. */
    public Optional<double[]> losses(TrialResult result) {
        return result.status().hasObjective() ? losses(result.metrics()) : Optional.empty();
    }

    /** Every objective's loss in one step's (or one result's) metrics, empty when one of them is missing or NaN. */
    public Optional<double[]> losses(Map<String, Double> metrics) {
        double[] losses = new double[objectives.size()];
        for (int i = 0; i < losses.length; i++) {
            Objective o = objectives.get(i);
            Double value = metrics.get(o.metric());
            if (value == null || value.isNaN()) {
                return Optional.empty();
            }
            losses[i] = o.loss(value);
        }
        return Optional.of(losses);
    }

    /**
     * How far one step's metrics break the constraints whose metrics the step reports. A trainable
     * may report a constrained metric only with its final result, so a step without it is not held
     * against the trial: the final result's {@link #feasibility} judges that.
     */
    public double violationSoFar(Map<String, Double> metrics) {
        double violation = 0;
        for (Constraint c : constraints) {
            Double value = metrics.get(c.metric());
            if (value != null && !value.isNaN()) {
                violation += c.violation(value);
            }
        }
        return violation;
    }

    /** A trial is feasible when it reports every constrained metric and each keeps its bounds. */
    public Feasibility feasibility(TrialResult result) {
        double violation = 0;
        List<String> broken = new ArrayList<>();
        for (Constraint c : constraints) {
            Double value = result.metrics().get(c.metric());
            if (value == null || value.isNaN()) {
                violation = Double.POSITIVE_INFINITY;
                broken.add(c.metric() + " missing");
            } else if (c.violation(value) > 0) {
                violation += c.violation(value);
                broken.add(c.metric() + "=" + Constraint.number(value) + (value > c.max() ? " > " + Constraint.number(c.max())
                        : " < " + Constraint.number(c.min())));
            }
        }
        return broken.isEmpty() ? Feasibility.FEASIBLE : new Feasibility(violation, String.join(", ", broken));
    }

    /** Each constraint's {@link Constraint#margin} in the result, NaN where its metric is missing. */
    public double[] margins(TrialResult result) {
        double[] margins = new double[constraints.size()];
        for (int i = 0; i < margins.length; i++) {
            Double value = result.metrics().get(constraints.get(i).metric());
            margins[i] = value == null ? Double.NaN : constraints.get(i).margin(value);
        }
        return margins;
    }

    /** For messages and headers: {@code val_accuracy (max), latency_ms (min)}. */
    public String label() {
        return String.join(", ", objectives.stream().map(o -> o.metric() + " (" + o.mode().label() + ")").toList());
    }
}
