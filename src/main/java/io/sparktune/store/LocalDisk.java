package io.sparktune.store;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local disk as a sweep directory's file system. Without Hadoop's native library (the usual case
 * on a laptop or in a Spark distribution), Hadoop's local file system sets permissions by starting a
 * {@code chmod} process on every mkdir and create, which costs more than a cheap trial (docs/benchmarks.md,
 * "Engine overhead and scale").
 * This one sets them through java.nio instead, and replaces files with one atomic rename(2).
 */
final class LocalDisk {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static LocalFileSystem shared;

    private LocalDisk() {
    }

    /** One instance per JVM, apart from Hadoop's cache, so nothing else in the JVM sees its settings. */
    static synchronized FileSystem fileSystem(Configuration conf) throws IOException {
        if (shared == null) {
            LocalFileSystem fs = new LocalFileSystem(new NioPermissions());
            fs.initialize(URI.create("file:///"), conf);
            // Checksum side files (.crc) double the file count and buy nothing here.
            fs.setWriteChecksum(false);
            shared = fs;
        }
        return shared;
    }

    /** POSIX rename: atomic, and it replaces the target, which Hadoop's FileSystem.rename refuses to do. */
    static void replace(FileSystem fs, Path source, Path target) throws IOException {
        LocalFileSystem local = (LocalFileSystem) fs;
        java.nio.file.Path to = local.pathToFile(target).toPath();
        Files.move(local.pathToFile(source).toPath(), to, StandardCopyOption.ATOMIC_MOVE);
        // A checksum written by another tool would no longer match the new content, and fail every read.
        Files.deleteIfExists(to.resolveSibling("." + to.getFileName() + ".crc"));
    }

    private static final class NioPermissions extends RawLocalFileSystem {
        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            if (!POSIX) {
                super.setPermission(path, permission);
                return;
            }
            // Only the nine rwx bits: sticky and setuid bits have no java.nio form, and sweep files never carry them.
            String rwx = new FsPermission((short) (permission.toShort() & 0777)).toString();
            Files.setPosixFilePermissions(pathToFile(path).toPath(), PosixFilePermissions.fromString(rwx));
        }
    }
}
