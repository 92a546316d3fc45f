package io.sparktune.train.sparkml;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;

import java.util.Arrays;
import java.util.Optional;

/**
 * A column of fold numbers, as MLlib's {@code CrossValidator.setFoldCol} takes it: whole numbers 0 to
 * k-1, fold i validating on the rows marked i. Checked before any trial fits, since a fold with no
 * rows, or rows in no fold, would fail or skew every trial alike.
 */
public final class FoldColumn {
    private FoldColumn() {
    }

    /** What is wrong with {@code column} of {@code rows} as k = {@code folds} folds, if anything (one line; one Spark job). */
    public static Optional<String> problem(Dataset<Row> rows, String column, int folds) {
        if (!Arrays.asList(rows.columns()).contains(column)) {
            return Optional.of("no column '" + column + "' (columns: " + String.join(", ", rows.columns()) + ")");
        }
        DataType type = rows.schema().apply(column).dataType();
        if (!(type instanceof IntegerType || type instanceof LongType || type instanceof ShortType || type instanceof ByteType)) {
            return Optional.of("column '" + column + "' is " + type.simpleString() + ": expected whole fold numbers 0 to " + (folds - 1));
        }
        Row seen = rows.agg(functions.min(column), functions.max(column), functions.count(functions.lit(1)).minus(functions.count(column)),
                functions.countDistinct(functions.col(column))).first();
        long unmarked = seen.getLong(2);
        if (unmarked > 0) {
            return Optional.of("column '" + column + "' has no fold number in " + unmarked + " rows");
        }
        if (seen.isNullAt(0)) {
            return Optional.of("column '" + column + "': no rows");
        }
        long min = ((Number) seen.get(0)).longValue();
        long max = ((Number) seen.get(1)).longValue();
        if (min < 0 || max >= folds) {
            return Optional.of("column '" + column + "' holds " + min + " to " + max + ": expected fold numbers 0 to " + (folds - 1)
                    + " for " + folds + " folds");
        }
        long distinct = seen.getLong(3);
        if (distinct < folds) {
            return Optional.of("column '" + column + "' marks rows of only " + distinct + " of the " + folds
                    + " folds 0 to " + (folds - 1) + ": each fold needs rows to validate on");
        }
        return Optional.empty();
    }
}
