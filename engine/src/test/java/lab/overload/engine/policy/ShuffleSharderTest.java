package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lab.overload.engine.component.async.Lane;
import lab.overload.engine.component.async.LaneChoice;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.LaneMapping;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.theory.ShardOverlap;
import org.junit.jupiter.api.Test;

/**
 * Hands dealt by {@link ShuffleSharder}: distinct lanes, the same per seed, overlaps as the hypergeometric law says.
 */
class ShuffleSharderTest {

    private static int[] hands(ShuffleSharder s) {
        int[] out = new int[s.tenants() * s.handSize()];
        for (int t = 0; t < s.tenants(); t++) {
            for (int k = 0; k < s.handSize(); k++) {
                out[t * s.handSize() + k] = s.lane(t, k);
            }
        }
        return out;
    }

    @Test
    void handsAreDistinctLanesAndTheSameForTheSameSeed() {
        ShuffleSharder a = new ShuffleSharder(8, 3, 1000, new SplittableRandom(42));
        ShuffleSharder b = new ShuffleSharder(8, 3, 1000, new SplittableRandom(42));
        ShuffleSharder c = new ShuffleSharder(8, 3, 1000, new SplittableRandom(43));
        assertArrayEquals(hands(a), hands(b), "same seed, same hands");
        assertNotEquals(java.util.Arrays.toString(hands(a)), java.util.Arrays.toString(hands(c)),
                "another seed deals others");
        for (int t = 0; t < 1000; t++) {
            assertEquals(3, a.overlap(t, t), "a hand holds 3 distinct lanes");
            for (int k = 0; k < 3; k++) {
                assertTrue(a.lane(t, k) >= 0 && a.lane(t, k) < 8);
            }
        }
        assertEquals(4, new ShuffleSharder(4, 9, 5, new SplittableRandom(1)).handSize(), "a hand is at most all lanes");
    }

    /**
     * The talk's tables: with 100,000 tenants, how many share 0, 1, 2... lanes with tenant 0 matches the exact
     * hypergeometric distribution (8 lanes, hand 2: 53.6 / 42.9 / 3.6 %; 100 lanes, hand 5: 77 / 21 / 1.8 %) within
     * 0.01 (the standard error of a fraction near 0.5 over 100,000 tenants is 0.0016).
     */
    @Test
    void measuredOverlapMatchesTheExactTable() {
        for (int[] nk : new int[][] {{8, 2}, {100, 5}}) {
            int tenants = 100_000;
            ShuffleSharder s = new ShuffleSharder(nk[0], nk[1], tenants, new SplittableRandom(7));
            long[] counts = s.overlapCounts(0);
            double[] exact = ShardOverlap.overlapDistribution(nk[0], nk[1]);
            assertEquals(exact.length, counts.length);
            for (int j = 0; j < counts.length; j++) {
                assertEquals(exact[j], counts[j] / (double) (tenants - 1), 0.01,
                        nk[0] + " lanes, hand " + nk[1] + ", overlap " + j);
            }
        }
        assertEquals(0.536, ShardOverlap.overlapDistribution(8, 2)[0], 0.0005, "the talk's first row");
    }

    /** A message goes to the shortest lane of its tenant's hand; equal depths go to the lane dealt first. */
    @Test
    void enqueueChoosesTheShortestLaneOfTheHand() {
        QueueSpec spec = new QueueSpec("q", "svc", 8, LaneMapping.SHUFFLE_SHARD, 2, 1, 0, Discipline.FIFO, 0, 0);
        LaneChoice choice = new LaneChoice(spec, 10, new SplittableRandom(3));
        Lane[] lanes = new Lane[8];
        for (int i = 0; i < 8; i++) {
            lanes[i] = new Lane();
        }
        int first = choice.sharder().lane(4, 0);
        int second = choice.sharder().lane(4, 1);
        assertFalse(first == second);
        assertEquals(first, choice.lane(4, lanes), "a tie goes to the lane dealt first");
        lanes[first].add(0, 4, 1, 1);
        assertEquals(second, choice.lane(4, lanes), "the other lane of the hand is shorter");
        lanes[second].add(0, 4, 1, 2);
        lanes[second].add(0, 4, 1, 3);
        assertEquals(first, choice.lane(4, lanes));
        for (int i = 0; i < 8; i++) {
            if (i != first && i != second) {
                lanes[i].add(0, 0, 1, 0); // lanes outside the hand do not matter
            }
        }
        assertEquals(first, choice.lane(4, lanes));
    }

    @Test
    void sharedAndPerTenantMappingsNeedNoHands() {
        QueueSpec shared = new QueueSpec("q", "svc", 8, LaneMapping.SHARED, 2, 1, 0, Discipline.FIFO, 0, 0);
        QueueSpec own = new QueueSpec("q", "svc", 8, LaneMapping.PER_TENANT, 2, 1, 0, Discipline.FIFO, 0, 0);
        LaneChoice a = new LaneChoice(shared, 50, new SplittableRandom(1));
        LaneChoice b = new LaneChoice(own, 50, new SplittableRandom(1));
        assertEquals(1, a.laneCount());
        assertEquals(50, b.laneCount(), "a lane per tenant, whatever laneCount says");
        Lane[] lanes = new Lane[50];
        for (int i = 0; i < 50; i++) {
            lanes[i] = new Lane();
        }
        assertEquals(0, a.lane(37, lanes));
        assertEquals(37, b.lane(37, lanes));
    }
}
