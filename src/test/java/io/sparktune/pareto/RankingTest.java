package io.sparktune.pareto;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingTest {
    private static Candidate feasible(int id, double... losses) {
        return new Candidate(id, losses, 0);
    }

    @Test
    void ranksCountTheFrontsAbove() {
        Ranking r = Ranking.of(List.of(feasible(0, 1, 4), feasible(1, 2, 2), feasible(2, 4, 1), feasible(3, 3, 3), feasible(4, 5, 5)));
        assertEquals(List.of(1, 1, 1, 2, 3), List.of(r.rank(0), r.rank(1), r.rank(2), r.rank(3), r.rank(4)));
    }

    @Test
    void crowdingGivesTheEndsInfinityAndTheMiddleItsNeighboursGap() {
        Ranking r = Ranking.of(List.of(feasible(0, 1, 4), feasible(1, 2, 2), feasible(2, 4, 1)));
        assertEquals(Double.POSITIVE_INFINITY, r.crowding(0));
        assertEquals(Double.POSITIVE_INFINITY, r.crowding(2));
        assertEquals(2.0, r.crowding(1), 1e-12);
    }

    @Test
    void aFeasibleTrialOutranksAnInfeasibleOneThatDominatesIt() {
        Ranking r = Ranking.of(List.of(new Candidate(0, new double[] {0, 0}, 0.5), feasible(1, 9, 9)));
        assertEquals(1, r.rank(1));
        assertEquals(2, r.rank(0));
    }

    @Test
    void theSmallerViolationOutranksTheLarger() {
        Ranking r = Ranking.of(List.of(new Candidate(0, new double[] {0, 0}, 2), new Candidate(1, new double[] {9, 9}, 1)));
        assertEquals(List.of(1, 0), r.order());
    }

    @Test
    void orderPutsLowerRankFirstThenTheLonelierTrial() {
        Ranking r = Ranking.of(List.of(feasible(0, 3, 3), feasible(1, 2, 2), feasible(2, 1, 4), feasible(3, 4, 1)));
        assertEquals(List.of(2, 3, 1, 0), r.order());
    }
}
