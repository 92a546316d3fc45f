package io.sparktune.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.InvalidInputException;
import io.sparktune.space.Space;
import io.sparktune.space.SpaceParser;
import org.apache.spark.ml.param.Param;

import java.io.Serializable;

/**
 * The search space of a {@link TuneValidator}: Spark ML params and the values to search, built
 * with typed calls ({@code new ParamSpace().logUniform(lr.regParam(), 1e-6, 1)}) or given as
 * SparkTune's JSON {@code params} ({@link #fromJson}). Either way it is kept as that JSON, params
 * named {@code <stage uid>.<param>}: the validator's {@code space} param is that string.
 */
public final class ParamSpace implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode params;

    public ParamSpace() {
        this(JSON.createObjectNode());
    }

    private ParamSpace(ObjectNode params) {
        this.params = params;
    }

    /**
     * A space in SparkTune's JSON {@code params} format (docs/space-format.md), names being
     * {@code <stage uid or pipeline index>.<param>}, or a plain estimator's param names.
     */
    public static ParamSpace fromJson(String json) {
        try {
            if (!(JSON.readTree(json) instanceof ObjectNode node)) {
                throw new InvalidInputException("space", "$", "expected an object of parameters");
            }
            SpaceParser.parse(node, "params");
            return new ParamSpace(node);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("space", "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr(), e.getOriginalMessage());
        }
    }

    /** Reals spread evenly over [low, high]. */
    public ParamSpace uniform(Param<?> param, double low, double high) {
        return with(param, "uniform", JSON.createArrayNode().add(low).add(high));
    }

    /** Reals whose logarithm is uniform over [log low, log high]: regularisation, learning rates. */
    public ParamSpace logUniform(Param<?> param, double low, double high) {
        return with(param, "loguniform", JSON.createArrayNode().add(low).add(high));
    }

    /** Whole numbers from low to high, both included. */
    public ParamSpace intRange(Param<?> param, long low, long high) {
        return with(param, "randint", JSON.createArrayNode().add(low).add(high));
    }

    /** One of the values, unordered: strings, booleans or numbers. */
    public ParamSpace choice(Param<?> param, Object... values) {
        return with(param, "choice", JSON.valueToTree(values));
    }

    /** The same space with each parameter renamed by {@code rename}. */
    ParamSpace renamed(java.util.function.UnaryOperator<String> rename) {
        ObjectNode copy = JSON.createObjectNode();
        params.fields().forEachRemaining(field -> copy.set(rename.apply(field.getKey()), field.getValue()));
        return new ParamSpace(copy);
    }

    /** The space's JSON {@code params}. */
    public String toJson() {
        return params.toString();
    }

    /** The space the searchers walk, checked as a space file's would be. */
    Space space() {
        return SpaceParser.parse(params, "params");
    }

    private ParamSpace with(Param<?> param, String domain, ArrayNode args) {
        ObjectNode copy = params.deepCopy();
        copy.putObject(param.parent() + "." + param.name()).set(domain, args);
        // Checked as it is built, so a bad range fails at the call that made it.
        SpaceParser.parse(copy, "params");
        return new ParamSpace(copy);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
