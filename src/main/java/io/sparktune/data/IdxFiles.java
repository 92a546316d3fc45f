package io.sparktune.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (big-endian header, then unsigned bytes), plain or
 * gzipped, from any Hadoop file system. {@code PREFIX} names the pair
 * {@code PREFIX-images-idx3-ubyte[.gz]} and {@code PREFIX-labels-idx1-ubyte[.gz]}, as the official
 * files are named.
 */
final class IdxFiles {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFiles() {
    }

    static Samples read(String prefix, Configuration conf) throws IOException {
        byte[] images;
        int[] shape;
        try (DataInputStream in = open(prefix + "-images-idx3-ubyte", conf)) {
            int[] dims = header(in, 3, prefix + "-images-idx3-ubyte");
            shape = new int[] {1, dims[1], dims[2]};
            images = new byte[Math.multiplyExact(dims[0], dims[1] * dims[2])];
            in.readFully(images);
        }
        float[] labels;
        try (DataInputStream in = open(prefix + "-labels-idx1-ubyte", conf)) {
            int[] dims = header(in, 1, prefix + "-labels-idx1-ubyte");
            byte[] raw = new byte[dims[0]];
            in.readFully(raw);
            labels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xFF;
            }
        }
        if (labels.length * shape[1] * shape[2] != images.length) {
            throw new IOException(prefix + ": " + labels.length + " labels for " + images.length / (shape[1] * shape[2]) + " images");
        }
        return Samples.ofBytes(shape, images, labels);
    }

    /** The file as named, or with .gz; gzip is recognised by its magic bytes, not its name. */
    private static DataInputStream open(String name, Configuration conf) throws IOException {
        for (String candidate : new String[] {name + ".gz", name}) {
            Path path = new Path(candidate);
            FileSystem fs = path.getFileSystem(conf);
            if (fs.exists(path)) {
                InputStream raw = new BufferedInputStream(fs.open(path), 1 << 16);
                raw.mark(2);
                boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
                raw.reset();
                return new DataInputStream(new BufferedInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16));
            }
        }
        throw new FileNotFoundException("no IDX file " + name + " (or " + name + ".gz)");
    }

    private static int[] header(DataInputStream in, int dimensions, String name) throws IOException {
        int magic = in.readInt();
        if (magic >>> 16 != 0 || (magic >>> 8 & 0xFF) != UNSIGNED_BYTE || (magic & 0xFF) != dimensions) {
            throw new IOException(name + ": not an IDX file of unsigned bytes in " + dimensions + " dimensions (magic "
                    + Integer.toHexString(magic) + ")");
        }
        int[] dims = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            dims[i] = in.readInt();
        }
        return dims;
    }
}
