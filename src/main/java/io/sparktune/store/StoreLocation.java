package io.sparktune.store;

import org.apache.hadoop.conf.Configuration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * A sweep directory as executors receive it: its URI and the driver's Hadoop configuration (the
 * NameNode address, credentials settings, spark.hadoop.* values), so executors reach the same file
 * system the driver does. Each executor JVM opens it once per task and Hadoop caches the file system.
 */
public final class StoreLocation implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String uri;
    private final byte[] conf;
    private transient SweepDirectory directory;

    public StoreLocation(SweepDirectory directory) {
        this.uri = directory.uri();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            directory.conf().write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.conf = bytes.toByteArray();
        this.directory = directory;
    }

    public String uri() {
        return uri;
    }

    public synchronized SweepDirectory open() {
        if (directory == null) {
            Configuration configuration = new Configuration(false);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(conf))) {
                configuration.readFields(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            directory = SweepDirectory.at(uri, configuration);
        }
        return directory;
    }
}
