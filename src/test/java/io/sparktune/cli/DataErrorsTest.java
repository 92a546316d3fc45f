package io.sparktune.cli;

import io.sparktune.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Data that only the run can find wrong is refused like a bad space file: exit 2, one line naming the file and the JSON path. */
class DataErrorsTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    @Test
    void aMissingDataFileOfAnXGBoostSweepNamesTheSpaceFileAndTheJsonPath() throws Exception {
        Path space = tmp.resolve("trees.json");
        Files.writeString(space, "{\"params\": {\"eta\": [0.1, 0.3]}, \"trainable\": {\"type\": \"xgboost\", \"data\": {\"dir\": \"" + tmp
                + "\", \"train\": \"nosuch\", \"format\": \"idx\"}}, \"budget\": {\"maxTrials\": 2}}");

        CliRun run = CliRun.tune("run", "--space", space.toString(), "--out", tmp.resolve("sweep").toString());

        run.assertRefusedCleanly("missing data");
        assertEquals(space + ": trainable.data: no IDX file " + tmp.resolve("nosuch-images-idx3-ubyte") + " (or "
                + tmp.resolve("nosuch-images-idx3-ubyte.gz") + ")", run.errLine());
    }
}
