package io.sparktune.train.sparkml;

import io.sparktune.core.InvalidInputException;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.param.ParamMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What asha's rungs scale for each estimator, and the params a trial fits with at each rung. */
class FidelityTest {
    private static final List<Long> RUNGS = List.of(1L, 3L, 9L);

    private static Fidelity of(String choice, Estimator<?> estimator) {
        return Fidelity.of(RUNGS, choice, estimator, EstimatorParams.of(estimator), "fidelityParam");
    }

    @Test
    void autoScalesARandomForestsTrees() {
        assertEquals("numTrees", of(Fidelity.AUTO, new RandomForestClassifier()).iterations());
    }

    @Test
    void autoScalesBoostedTreesRounds() {
        assertEquals("maxIter", of(Fidelity.AUTO, new GBTClassifier()).iterations());
    }

    @Test
    void autoScalesALogisticRegressionsIterations() {
        assertEquals("maxIter", of(Fidelity.AUTO, new LogisticRegression()).iterations());
    }

    @Test
    void autoScalesTheRowsOfAnEstimatorWithNoIterationCount() {
        assertNull(of(Fidelity.AUTO, new NaiveBayes()).iterations());
    }

    @Test
    void anIntParamNamedScalesThatParam() {
        assertEquals("maxIter", of("maxIter", new LogisticRegression()).iterations());
    }

    @Test
    void aParamThatIsNoIterationCountIsRefused() {
        String message = assertThrows(InvalidInputException.class, () -> of("regParam", new LogisticRegression())).getMessage();
        assertEquals("fidelityParam: expected auto, rows or an int param of the estimator such as maxIter or numTrees, got regParam", message);
    }

    @Test
    void aRungFitsAllTheRowsWithItsShareOfTheTrialsTrees() {
        RandomForestClassifier forest = new RandomForestClassifier();
        Fidelity fidelity = of(Fidelity.AUTO, forest);
        ParamMap trial = new ParamMap().put(forest.numTrees(), 30).put(forest.maxDepth(), 4);
        assertEquals(1.0, fidelity.rows(1));
        assertEquals(3, fidelity.at(1, trial, forest).apply(forest.numTrees()));
        assertEquals(10, fidelity.at(3, trial, forest).apply(forest.numTrees()));
        assertEquals(4, fidelity.at(3, trial, forest).apply(forest.maxDepth()));
        assertSame(trial, fidelity.at(9, trial, forest), "the last rung fits with the trial's own params");
    }

    @Test
    void aRungScalesTheEstimatorsOwnCountWhenTheSpaceLeavesItAlone() {
        LogisticRegression lr = new LogisticRegression().setMaxIter(90);
        assertEquals(10, of("maxIter", lr).at(1, new ParamMap(), lr).apply(lr.maxIter()));
    }

    @Test
    void rowsFidelityFitsAFractionOfTheRowsWithTheTrialsParams() {
        RandomForestClassifier forest = new RandomForestClassifier();
        Fidelity fidelity = of(Fidelity.ROWS, forest);
        ParamMap trial = new ParamMap().put(forest.numTrees(), 30);
        assertEquals(1.0 / 3, fidelity.rows(3), 1e-12);
        assertSame(trial, fidelity.at(3, trial, forest));
    }
}
