package io.sparktune.data;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads CSV, Parquet and LibSVM data with Spark on the driver and collects it into {@link Samples}:
 * the label column, and as features every other numeric column and every ML vector column, in
 * column order.
 */
final class SparkTables {
    private SparkTables() {
    }

    /** @param width the training set's feature count when reading its validation set (LibSVM cannot tell), else 0 */
    static Samples read(SparkSession spark, DataSpec.Format format, String path, String label, int width) throws IOException {
        Dataset<Row> table = switch (format) {
            case CSV -> spark.read().option("header", "true").option("inferSchema", "true").csv(path);
            case PARQUET -> spark.read().parquet(path);
            case LIBSVM -> (width > 0 ? spark.read().option("numFeatures", width) : spark.read()).format("libsvm").load(path);
            case IDX -> throw new IllegalArgumentException("IDX files are not tables");
        };
        List<String> columns = new ArrayList<>();
        List<Boolean> vectors = new ArrayList<>();
        boolean hasLabel = false;
        for (StructField field : table.schema().fields()) {
            DataType type = field.dataType();
            if (field.name().equals(label)) {
                if (!(type instanceof NumericType)) {
                    throw new IOException(path + ": label column '" + label + "' is " + type.simpleString() + ", not numeric");
                }
                hasLabel = true;
            } else if (type instanceof NumericType || type.typeName().equals("vector")) {
                columns.add(field.name());
                vectors.add(!(type instanceof NumericType));
            }
        }
        if (!hasLabel) {
            throw new IOException(path + ": no column '" + label + "' (columns: " + String.join(", ", table.columns()) + ")");
        }
        List<org.apache.spark.sql.Column> selected = new ArrayList<>();
        selected.add(table.col(label).cast("double"));
        columns.forEach(c -> selected.add(table.col(c)));
        Dataset<Row> rows = table.select(selected.toArray(new org.apache.spark.sql.Column[0]));

        List<float[]> features = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        int rowWidth = -1;
        for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); ) {
            Row row = it.next();
            float[] values = flatten(row, vectors);
            if (rowWidth >= 0 && values.length != rowWidth) {
                throw new IOException(path + ": row " + labels.size() + " has " + values.length + " features, earlier rows " + rowWidth);
            }
            rowWidth = values.length;
            if (row.isNullAt(0)) {
                throw new IOException(path + ": row " + labels.size() + " has no label");
            }
            labels.add((float) row.getDouble(0));
            features.add(values);
        }
        if (labels.isEmpty()) {
            throw new IOException(path + ": no rows");
        }
        float[] flat = new float[labels.size() * rowWidth];
        float[] labelArray = new float[labels.size()];
        for (int i = 0; i < labelArray.length; i++) {
            System.arraycopy(features.get(i), 0, flat, i * rowWidth, rowWidth);
            labelArray[i] = labels.get(i);
        }
        return Samples.ofFloats(new int[] {rowWidth}, flat, labelArray);
    }

    private static float[] flatten(Row row, List<Boolean> vectors) throws IOException {
        List<Float> values = new ArrayList<>();
        for (int c = 0; c < vectors.size(); c++) {
            Object value = row.get(c + 1);
            if (value == null) {
                throw new IOException("missing value in column " + row.schema().fields()[c + 1].name());
            }
            if (vectors.get(c)) {
                for (double v : ((Vector) value).toArray()) {
                    values.add((float) v);
                }
            } else {
                values.add(((Number) value).floatValue());
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
