package io.sparktune.store;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sweep's record of trials: {@code journal/<run>-<n>.jsonl}, one file per batch of records
 * (never one per metric), each written whole. File names sort in the order they were written, which
 * is the order a replay reads them.
 *
 * <p>Records are buffered and written at most once per {@code flushMillis}, so fast trials do not
 * make a file each; a driver that dies loses at most that long of results, whose trials then run
 * again. Every {@link #COMPACT_EVERY} files, and at the end of a run, the journal is compacted into
 * one file, so a sweep directory holds a handful of journal files however many trials it ran.
 */
public final class Journal {
    static final String DIR = "journal";
    static final int COMPACT_EVERY = 1000;
    private static final int MAX_BUFFERED = 10_000;
    private static final String SUFFIX = ".jsonl";

    private final SweepDirectory dir;
    private final String runId;
    private final long flushMillis;
    private final List<String> buffer = new ArrayList<>();
    private long lastFlush = System.currentTimeMillis();
    private int sequence;

    public Journal(SweepDirectory dir, String runId, long flushMillis) {
        this.dir = dir;
        this.runId = runId;
        this.flushMillis = flushMillis;
    }

    public void add(JournalRecord record) {
        buffer.add(JournalCodec.encode(record));
    }

    /** Writes what is buffered if the last write is {@code flushMillis} old, or the buffer is large. */
    public void flushIfDue() throws IOException {
        if (millisUntilDue() == 0 || buffer.size() >= MAX_BUFFERED) {
            flush();
        }
    }

    /** How long until buffered records are due; {@code Long.MAX_VALUE} when nothing is buffered. */
    public long millisUntilDue() {
        return buffer.isEmpty() ? Long.MAX_VALUE : Math.max(0, lastFlush + flushMillis - System.currentTimeMillis());
    }

    public void flush() throws IOException {
        lastFlush = System.currentTimeMillis();
        if (buffer.isEmpty()) {
            return;
        }
        writeFile(List.copyOf(buffer));
        buffer.clear();
        if (sequence % COMPACT_EVERY == 0) {
            compact();
        }
    }

    private Path writeFile(List<String> lines) throws IOException {
        Path file = dir.resolve(DIR + "/" + runId + "-" + String.format("%06d", ++sequence) + SUFFIX);
        dir.writeNew(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
            writer.flush();
        });
        return file;
    }

    /** Reads every record, oldest file first. */
    public static void replay(SweepDirectory dir, Consumer<JournalRecord> sink) throws IOException {
        for (Path file : files(dir)) {
            readLines(dir, file, line -> {
                try {
                    sink.accept(JournalCodec.decode(line));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalStateException("unreadable journal line in " + file + ": " + e.getMessage(), e);
                }
            });
        }
    }

    /**
     * Folds every journal file into one new file, then removes the others. A crash between the two
     * leaves records twice, which a replay reads as the same records again.
     */
    public void compact() throws IOException {
        flush();
        List<Path> files = files(dir);
        if (files.size() <= 1) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            readLines(dir, file, lines::add);
        }
        Path compacted = writeFile(lines);
        for (Path file : files) {
            if (!file.equals(compacted)) {
                dir.fs().delete(file, false);
            }
        }
    }

    public static int fileCount(SweepDirectory dir) throws IOException {
        return files(dir).size();
    }

    /** When the journal last changed: its newest file's modification time, 0 when it has none. */
    public static long lastModified(SweepDirectory dir) throws IOException {
        return Arrays.stream(statuses(dir)).mapToLong(FileStatus::getModificationTime).max().orElse(0);
    }

    private static List<Path> files(SweepDirectory dir) throws IOException {
        return Arrays.stream(statuses(dir)).map(FileStatus::getPath).sorted(Comparator.comparing(Path::getName)).toList();
    }

    private static FileStatus[] statuses(SweepDirectory dir) throws IOException {
        Path journal = dir.resolve(DIR);
        if (!dir.fs().exists(journal)) {
            return new FileStatus[0];
        }
        return dir.fs().listStatus(journal, p -> p.getName().endsWith(SUFFIX) && !p.getName().startsWith("."));
    }

    private static void readLines(SweepDirectory dir, Path file, Consumer<String> sink) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(dir.fs().open(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    sink.accept(line);
                }
            }
        }
    }
}
