package io.sparktune.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Small generated datasets for network tests, and the shared Fashion-MNIST files. */
public final class Datasets {
    private Datasets() {
    }

    /** Where ../shared/datasets/fashion-mnist is, as surefire passes it. */
    public static Path fashionMnist() {
        return Path.of(System.getProperty("sparktune.sharedDir", "../shared"), "datasets", "fashion-mnist");
    }

    /**
     * A CSV of {@code rows} samples in {@code classes} well separated Gaussian blobs over four
     * features, with a header and the class in column "label".
     */
    public static Path blobs(Path dir, int rows, int classes, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("f0,f1,f2,f3,label\n");
        for (int i = 0; i < rows; i++) {
            int label = i % classes;
            for (int f = 0; f < 4; f++) {
                double centre = (f % classes == label ? 4 : 0) + 10 * f;
                csv.append(String.format(Locale.ROOT, "%.4f,", centre + random.nextGaussian()));
            }
            csv.append(label).append('\n');
        }
        return write(dir.resolve("blobs.csv"), csv.toString());
    }

    /** A CSV whose target is a linear function of three features plus small noise. */
    public static Path linear(Path dir, int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < rows; i++) {
            double a = random.nextDouble();
            double b = random.nextDouble();
            double c = random.nextDouble();
            double y = 3 * a - 2 * b + c + 0.01 * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f%n", a, b, c, y));
        }
        return write(dir.resolve("linear.csv"), csv.toString());
    }

    private static Path write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
