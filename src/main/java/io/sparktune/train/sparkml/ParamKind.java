package io.sparktune.train.sparkml;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.FloatParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;

import java.util.Optional;

/**
 * The value types a space can give a Spark ML {@link Param}: whole numbers, reals, booleans and
 * strings. Spark ML declares string params as plain {@code Param[String]}; array and vector params
 * have their own classes and are not tunable here.
 */
public enum ParamKind {
    INT, LONG, FLOAT, DOUBLE, BOOLEAN, STRING;

    /** The kind of {@code param}, or empty for params a space cannot set (arrays, vectors, objects). */
    public static Optional<ParamKind> of(Param<?> param) {
        if (param instanceof IntParam) {
            return Optional.of(INT);
        }
        if (param instanceof LongParam) {
            return Optional.of(LONG);
        }
        if (param instanceof FloatParam) {
            return Optional.of(FLOAT);
        }
        if (param instanceof DoubleParam) {
            return Optional.of(DOUBLE);
        }
        if (param instanceof BooleanParam) {
            return Optional.of(BOOLEAN);
        }
        return param.getClass() == Param.class ? Optional.of(STRING) : Optional.empty();
    }

    /**
     * {@code value} (a space's Long, Double, Boolean or String) as this kind's Java type.
     *
     * @throws IllegalArgumentException when it is of another type, or not whole for a whole kind
     */
    public Object convert(Object value) {
        return switch (this) {
            case INT -> Math.toIntExact(whole(value));
            case LONG -> whole(value);
            case FLOAT -> (float) number(value);
            case DOUBLE -> number(value);
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException("expected true or false, got " + show(value));
                }
                yield b;
            }
            case STRING -> {
                if (!(value instanceof String s)) {
                    throw new IllegalArgumentException("expected a string, got " + show(value));
                }
                yield s;
            }
        };
    }

    private static double number(Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("expected a number, got " + show(value));
        }
        return n.doubleValue();
    }

    private static long whole(Object value) {
        double v = number(value);
        if (v != Math.rint(v) || Math.abs(v) > Long.MAX_VALUE) {
            throw new IllegalArgumentException("expected a whole number, got " + show(value));
        }
        return (long) v;
    }

    private static String show(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
