package io.sparktune.search;

import io.sparktune.bench.SweepSimulation;
import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every searcher that learns from results promises, whatever its model. */
class LearningSearchersTest {

    private static Searcher searcher(String type, Space space, long seed) {
        return Searchers.validate(PluginSpec.of(type), space, "searcher").create(space, seed);
    }

    /** A sweep of {@code trials} on the mixed space, with {@code parallelism} trials running at once. */
    private static History sweep(String type, int trials, int parallelism) {
        SweepSimulation sweep = new SweepSimulation(searcher(type, Spaces.mixed(), 42), Spaces::mixedLoss);
        sweep.run(trials, parallelism, 7);
        return sweep.history();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp", "cmaes", "auto"})
    void resumedSweepSuggestsWhatAnUninterruptedOneWould(String type) {
        History history = sweep(type, 25, 2);
        List<Config> uninterrupted = searcher(type, Spaces.mixed(), 42).suggest(3, history);
        List<Config> resumed = searcher(type, Spaces.mixed(), 42).suggest(3, Histories.of(history.observations()));
        assertEquals(uninterrupted, resumed, type + " suggested differently after a restart");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp", "cmaes"})
    void askingForSeveralAtOnceMatchesAskingOneAtATimeWhileNothingFinishes(String type) {
        assertBatchMatchesOneAtATime(type, sweep(type, 25, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp", "cmaes"})
    void aBatchMatchesOneAtATimeWhenTwoLossesTie(String type) {
        // tpe widens its kernels on tied losses once trials run, so a batch must count its own earlier
        // suggestions as running, as asking once per slot does. The worst trial takes the next worst
        // one's loss.
        assertBatchMatchesOneAtATime(type, Histories.worstTwoTied(sweep(type, 60, 1)));
    }

    /** Three suggestions asked for at once equal three asked for one by one, each started before the next. */
    private static void assertBatchMatchesOneAtATime(String type, History history) {
        Searcher searcher = searcher(type, Spaces.mixed(), 42);
        List<Config> atOnce = searcher.suggest(3, history);
        History stepwise = Histories.of(history.observations());
        for (int i = 0; i < 3; i++) {
            Config next = searcher.suggest(1, stepwise).get(0);
            assertEquals(atOnce.get(i), next, type + " suggestion " + i + " of a batch");
            stepwise.started(stepwise.created(), next, true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp", "cmaes", "auto"})
    void conditionalAndMixedSpacesGetValidConfigs(String type) {
        History history = sweep(type, 30, 3);
        for (Observation o : history.observations()) {
            Config c = o.config();
            double lr = c.getDouble("lr");
            assertTrue(lr >= 1e-4 && lr <= 1e-1, "lr out of range: " + c);
            assertTrue(c.get("layers") instanceof Long layers && layers >= 1 && layers <= 8, "layers not an integer in [1, 8]: " + c);
            String optimizer = c.getString("optimizer");
            assertTrue(List.of("sgd", "adam", "rmsprop").contains(optimizer), "unknown optimizer: " + c);
            assertEquals(optimizer.equals("sgd"), c.has("momentum"), "momentum belongs to sgd only: " + c);
            assertEquals(optimizer.equals("adam"), c.has("beta1"), "beta1 belongs to adam only: " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp", "cmaes", "auto"})
    void batchSuggestionsAreDistinct(String type) {
        History history = sweep(type, 20, 4);
        List<Config> batch = searcher(type, Spaces.mixed(), 42).suggest(6, history);
        Set<Config> distinct = new HashSet<>(batch);
        assertEquals(batch.size(), distinct.size(), type + " repeated a config within one batch: " + batch);
        history.observations().forEach(o -> assertTrue(!distinct.contains(o.config()), type + " suggested a finished config again"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp", "cmaes"})
    void modelsLearnWhichCategoryIsBest(String type) {
        // Blind choices would pick adam in a third of the trials.
        History history = sweep(type, 80, 1);
        long adam = history.observations().stream().skip(50).filter(o -> o.config().getString("optimizer").equals("adam")).count();
        assertTrue(adam >= 18, type + " chose adam, the best optimizer, in only " + adam + " of the last 30 trials");
    }
}
