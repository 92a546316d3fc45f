package io.sparktune.train.xgboost;

import io.sparktune.data.TrainingData;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.testing.Datasets;
import io.sparktune.testing.TestSpark;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The matrices trials share in one executor JVM, on real XGBoost matrices of a real broadcast. */
class SharedMatricesTest {
    @TempDir
    Path tmp;
    private Broadcast<TrainingData> data;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void broadcast() throws Exception {
        Path csv = Datasets.blobs(tmp, 200, 3, 1);
        String json = "{\"metric\": \"val_loss\", \"params\": {\"eta\": 0.3}, \"trainable\": {\"type\": \"xgboost\", \"data\": {\"train\": \""
                + csv + "\", \"format\": \"csv\", \"split\": 0.2}}}";
        data = (Broadcast<TrainingData>) SpecParser.parse("test.json", json, "test", new Overrides()).trainable()
                .prepare(TestSpark.session().sparkContext());
    }

    private SharedMatrices acquire(int maxBin) throws Exception {
        return SharedMatrices.acquire(new SharedMatrices.Key(data.id(), maxBin, "cpu"), data.value());
    }

    @Test
    void twoTrialsOfOneDataSetAndMaxBinReadOneMatrixPair() throws Exception {
        try (SharedMatrices first = acquire(256); SharedMatrices second = acquire(256)) {
            assertSame(first.train(), second.train());
            assertSame(first.validation(), second.validation());
        }
    }

    @Test
    void aTrialOfAnotherMaxBinGetsMatricesOfItsOwn() throws Exception {
        try (SharedMatrices first = acquire(256); SharedMatrices second = acquire(64)) {
            assertNotSame(first.train(), second.train());
        }
    }

    @Test
    void theNextTrialOfASlotFindsThePairTheLastOneLeft() throws Exception {
        SharedMatrices first = acquire(256);
        first.close();
        try (SharedMatrices next = acquire(256)) {
            assertSame(first.train(), next.train());
        }
    }
}
