package io.sparktune.search;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.GridList;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchersTest {

    @Test
    void sampledSpacesDefaultToAutoAndListsToGrid() {
        assertEquals("auto", Searchers.defaultFor(Spaces.mixed()));
        Space lists = new Space(List.of(new Parameter("a", new GridList(List.of(1L, 2L)))));
        assertEquals("grid", Searchers.defaultFor(lists));
    }

    @Test
    void eachSearchersSpecHoldsItsOptionsWithTheDefaultsFilledIn() {
        Space branin = Spaces.branin();
        Space lists = new Space(List.of(new Parameter("a", new GridList(List.of(1L, 2L)))));
        assertEquals(SearcherSpec.Optionless.GRID, Searchers.validate(PluginSpec.of("grid"), lists, "searcher"));
        assertEquals(new SearcherSpec.GpOptions(6, 256, 0), Searchers.validate(PluginSpec.of("gp"), branin, "searcher"),
                "an initial design of 2(d + 1) for branin's 2 parameters");
        assertEquals(new SearcherSpec.TpeOptions(5, 24, 1.0), Searchers.validate(new PluginSpec("tpe", Map.of("startup", 5L)), branin, "searcher"));
    }

    @Test
    void gridSearchOfASpaceWithNoListIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Searchers.validate(PluginSpec.of("grid"), Spaces.branin(), "searcher"));
        assertEquals("searcher.type: grid search expands parameters with lists of values, and every parameter that varies here is"
                + " sampled: use random, sobol or auto, or give a parameter a list", e.getMessage());
    }

    @Test
    void unknownOptionIsRefusedWithItsJsonPath() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Searchers.validate(new PluginSpec("gp", Map.of("inital", 5)), Spaces.branin(), "searcher"));
        assertEquals("searcher.inital: unknown option for searcher 'gp' (known: initial, maxPoints, trustRegion)", e.getMessage());
    }

    @Test
    void fractionalCountIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Searchers.validate(new PluginSpec("tpe", Map.of("startup", 2.5)), Spaces.branin(), "searcher"));
        assertEquals("searcher.startup: expected a whole number >= 1, got 2.5", e.getMessage());
    }

    @Test
    void removedEvolutionSearcherIsRefusedSayingWhatToUseInstead() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Searchers.validate(new PluginSpec("evolution", Map.of("population", 4)), Spaces.branin(), "searcher"));
        assertEquals("searcher.type: searcher 'evolution' was removed (it scored below tpe and cmaes on the benchmark suite); "
                + "use tpe, or cmaes for long runs", e.getMessage());
    }
}
