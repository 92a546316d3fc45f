package io.sparktune.train.xgboost;

import io.sparktune.data.TrainingData;
import io.sparktune.testing.Datasets;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TrainableSweeps;
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
    void broadcast() throws Exception {
        data = broadcastBlobs();
    }

    @SuppressWarnings("unchecked")
    private Broadcast<TrainingData> broadcastBlobs() throws Exception {
        Path csv = Datasets.blobs(tmp, 200, 3, 1);
        String json = "{\"metric\": \"val_loss\", \"params\": {\"eta\": 0.3}, \"trainable\": {\"type\": \"xgboost\", \"data\": {\"train\": \""
                + csv + "\", \"format\": \"csv\", \"split\": 0.2}}}";
        return (Broadcast<TrainingData>) TrainableSweeps.spec(json).trainable().prepare(TestSpark.session().sparkContext());
    }

    private SharedMatrices acquire(int maxBin) throws Exception {
        return SharedMatrices.acquire(new SharedMatrices.Key(data.value(), maxBin, "cpu"));
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
    void anotherBroadcastOfTheSameDataGetsMatricesOfItsOwn() throws Exception {
        TrainingData again = broadcastBlobs().value();
        try (SharedMatrices first = acquire(256); SharedMatrices second = SharedMatrices.acquire(new SharedMatrices.Key(again, 256, "cpu"))) {
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
