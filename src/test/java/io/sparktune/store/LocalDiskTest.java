package io.sparktune.store;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweep files on the local disk, written without Hadoop's chmod processes. */
class LocalDiskTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void aLocalSweepDirectoryUsesItsOwnFileSystemAndLeavesHadoopsCachedOneAlone() throws Exception {
        Configuration conf = new Configuration();
        SweepDirectory dir = SweepDirectory.at(tmp.toString(), conf);
        FileSystem cached = new Path(tmp.toString()).getFileSystem(conf);
        assertNotSame(cached, dir.fs());
        assertTrue(dir.fs() instanceof LocalFileSystem);
    }

    @Test
    void replacingAFileIsAtomicAndDropsAChecksumThatNoLongerMatches() throws Exception {
        Configuration conf = new Configuration();
        // Another tool (Hadoop's own local file system, checksums on) wrote best.json first.
        FileSystem hadoop = FileSystem.newInstance(tmp.toUri(), conf);
        Path file = new Path(tmp.toUri().toString(), "best.json");
        try (OutputStream out = hadoop.create(file, true)) {
            out.write("old".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.exists(tmp.resolve(".best.json.crc")));

        SweepDirectory dir = SweepDirectory.at(tmp.toString(), conf);
        dir.writeAtomically(dir.resolve("best.json"), "new content");

        assertFalse(Files.exists(tmp.resolve(".best.json.crc")));
        assertEquals("new content", new String(hadoop.open(file).readAllBytes(), StandardCharsets.UTF_8));
        try (var names = Files.list(tmp)) {
            assertEquals(0, names.filter(p -> p.getFileName().toString().contains(".tmp-")).count(), "no temporary left");
        }
        hadoop.close();
    }

    @Test
    void newDirectoriesAndFilesGetHadoopsPermissions() throws Exception {
        SweepDirectory dir = SweepDirectory.at(tmp.toString(), new Configuration());
        dir.writeAtomically(new Path(dir.trialDir(7), "progress.jsonl"), "{}\n");
        java.nio.file.Path trial = tmp.resolve("trials/7");
        FsPermission umask = FsPermission.getUMask(new Configuration());
        assertEquals(FsPermission.getDirDefault().applyUMask(umask).toString(),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(trial)));
        assertEquals(FsPermission.getFileDefault().applyUMask(umask).toString(),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(trial.resolve("progress.jsonl"))));
        dir.fs().setPermission(new Path(dir.trialDir(7), "progress.jsonl"), new FsPermission((short) 0600));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(trial.resolve("progress.jsonl"))));
    }
}
