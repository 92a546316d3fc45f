package io.sparktune.store;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One sweep's directory on any Hadoop file system, and the one way files are written in it: to a
 * hidden temporary name, then renamed into place, so a reader never sees half a file and a crash
 * leaves the previous version.
 *
 * <p>Two writes also refuse a file that exists: {@link #writeNew} (the journal) and the lock's
 * create. HDFS and the local disk do that atomically. Object stores (s3a, gs, abfs without a
 * hierarchical namespace) do not: there a rename is a copy (files still appear whole, but slowly for
 * large checkpoints), and "only if absent" is a check followed by a write, so the lock cannot refuse a
 * second driver started at the same moment. Nothing else relies on it: journal files are named for
 * their run, and a trial has one live writer of its rung records and checkpoints. On an object store,
 * start one driver at a time per sweep (the scheduler's job, not the lock's).
 *
 * <pre>
 * sweep.json  journal/  trials/&lt;id&gt;/{progress.jsonl,checkpoint/,output/,budget}  rungs/&lt;step&gt;/&lt;id&gt;
 * lineage/&lt;id&gt;.json  best/  trials.parquet/  lock
 * </pre>
 */
public final class SweepDirectory {
    private final Path root;
    private final FileSystem fs;
    private final Configuration conf;
    /** Made once: a FileContext costs milliseconds to build, and every atomic write needs its rename. */
    private FileContext context;

    private SweepDirectory(Path root, FileSystem fs, Configuration conf) {
        this.root = root;
        this.fs = fs;
        this.conf = conf;
    }

    /** Opens (without creating) the directory at {@code uri}: {@code hdfs://...}, {@code file://...} or a plain path. */
    public static SweepDirectory at(String uri, Configuration conf) {
        try {
            Path path = new Path(uri);
            FileSystem fs = path.getFileSystem(conf);
            if (fs instanceof LocalFileSystem) {
                fs = LocalDisk.fileSystem(conf);
            }
            return new SweepDirectory(fs.makeQualified(path), fs, conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + uri + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public String uri() {
        return root.toString();
    }

    public FileSystem fs() {
        return fs;
    }

    public Configuration conf() {
        return conf;
    }

    public Path resolve(String relative) {
        return new Path(root, relative);
    }

    public Path trialDir(int trialId) {
        return new Path(root, "trials/" + trialId);
    }

    public boolean exists(Path path) throws IOException {
        return fs.exists(path);
    }

    /** Writes {@code path} whole or not at all, replacing any earlier version. */
    public void writeAtomically(Path path, StreamWriter writer) throws IOException {
        Path temp = temporaryFor(path);
        try {
            try (OutputStream out = fs.create(temp, false)) {
                writer.write(out);
            }
            // Replacing needs an atomic overwrite: rename(2) on the local disk, FileContext's rename
            // elsewhere (HDFS rename2), after a plain rename, cheap everywhere, for a new name.
            if (fs instanceof LocalFileSystem) {
                LocalDisk.replace(fs, temp, path);
            } else if (fs.exists(path) || !fs.rename(temp, path)) {
                fileContext().rename(temp, path, Options.Rename.OVERWRITE);
            }
        } catch (IOException | RuntimeException e) {
            fs.delete(temp, false);
            throw e;
        }
    }

    public void writeAtomically(Path path, String text) throws IOException {
        writeAtomically(path, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code path} whole, failing if it exists: the journal never replaces a file. */
    public void writeNew(Path path, StreamWriter writer) throws IOException {
        Path temp = temporaryFor(path);
        try {
            try (OutputStream out = fs.create(temp, false)) {
                writer.write(out);
            }
            if (!fs.rename(temp, path)) {
                throw new IOException("cannot rename " + temp + " to " + path + " (does it exist already?)");
            }
        } catch (IOException | RuntimeException e) {
            fs.delete(temp, false);
            throw e;
        }
    }

    /**
     * Replaces the folder {@code target} with one {@code writer} fills under a hidden name beside it,
     * renamed into place once whole, so a crash never leaves a half-written folder there.
     */
    public void replaceFolder(Path target, FolderWriter writer) throws IOException {
        Path staged = temporaryFor(target);
        try {
            writer.write(staged);
            fs.delete(target, true);
            if (!fs.rename(staged, target)) {
                throw new IOException("cannot rename " + staged + " to " + target);
            }
        } catch (IOException | RuntimeException e) {
            fs.delete(staged, true);
            throw e;
        }
    }

    /** Renames with the file system's own atomic rename, replacing what is there (HDFS rename2). */
    public synchronized FileContext fileContext() throws IOException {
        if (context == null) {
            context = FileContext.getFileContext(fs.getUri(), conf);
        }
        return context;
    }

    public String readText(Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Hidden (leading '.') so that Spark and Hadoop readers of the directory skip it. */
    private static Path temporaryFor(Path path) {
        return new Path(path.getParent(), "." + path.getName() + ".tmp-" + UUID.randomUUID());
    }

    /** Fills a folder that does not exist yet. */
    @FunctionalInterface
    public interface FolderWriter {
        void write(Path folder) throws IOException;
    }

    /** Writes a file's content. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }
}
