package io.sparktune.train.xgboost;

import ml.dmlc.xgboost4j.java.XGBoost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The device a trial boosts on: the first GPU Spark assigned to its task, else the CPU. XGBoost's
 * Maven jar is a CPU-only build, and a CPU-only build given {@code device=cuda:N} only warns and
 * trains on the CPU, so a GPU trial first checks that the native library on the class path has CUDA
 * code in it (an ELF {@code .nv_fatbin} section, where nvcc puts GPU kernels) and fails with a message
 * saying what to ship when it has not (docs/xgboost.md).
 */
final class GpuDevice {
    static final String LIBRARY = "/lib/linux/x86_64/libxgboost4j.so";
    private static Boolean cuda;

    private GpuDevice() {
    }

    static String of(List<String> gpus) {
        return gpus.isEmpty() ? "cpu" : "cuda:" + gpus.get(0);
    }

    static void check(List<String> gpus) throws IOException {
        if (!gpus.isEmpty() && !hasCuda()) {
            throw new IllegalStateException("Spark assigned GPU " + gpus.get(0) + " but the XGBoost native library on this executor"
                    + " is a CPU-only build (as Maven's xgboost4j jar is): put a CUDA build of xgboost4j on the executors in its place"
                    + " (docs/xgboost.md)");
        }
    }

    /** Read once per JVM: the library is the same for every trial. */
    static synchronized boolean hasCuda() throws IOException {
        if (cuda == null) {
            Path copy = Files.createTempFile("sparktune-xgboost-", ".so");
            try (InputStream in = XGBoost.class.getResourceAsStream(LIBRARY)) {
                if (in == null) {
                    throw new IllegalStateException("no " + LIBRARY + " beside XGBoost's classes: xgboost4j for Linux x86_64 is not on the class path");
                }
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                cuda = sections(copy).contains(".nv_fatbin");
            } finally {
                Files.deleteIfExists(copy);
            }
        }
        return cuda;
    }

    /** The section names of a 64-bit little-endian ELF file. */
    static List<String> sections(Path elf) throws IOException {
        try (FileChannel file = FileChannel.open(elf)) {
            ByteBuffer header = read(file, 0, 64);
            long tableAt = header.getLong(0x28);
            int entrySize = header.getShort(0x3A) & 0xFFFF;
            int count = header.getShort(0x3C) & 0xFFFF;
            int namesIndex = header.getShort(0x3E) & 0xFFFF;
            ByteBuffer table = read(file, tableAt, entrySize * count);
            ByteBuffer names = read(file, table.getLong(namesIndex * entrySize + 0x18), (int) table.getLong(namesIndex * entrySize + 0x20));
            List<String> sections = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int at = table.getInt(i * entrySize);
                int end = at;
                while (end < names.limit() && names.get(end) != 0) {
                    end++;
                }
                sections.add(new String(names.array(), at, end - at, StandardCharsets.US_ASCII));
            }
            return sections;
        }
    }

    private static ByteBuffer read(FileChannel file, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("not an ELF library: it ends at byte " + (at + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
