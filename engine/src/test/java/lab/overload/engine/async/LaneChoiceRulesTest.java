package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lab.overload.engine.component.async.Lane;
import lab.overload.engine.component.async.LaneChoice;
import lab.overload.models.scenario.AsyncRetrySpec;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.LaneMapping;
import lab.overload.models.scenario.QueueSpec;
import org.junit.jupiter.api.Test;

/** The FAIR and AUTO_ISOLATE rules message by message. */
class LaneChoiceRulesTest {

    static QueueSpec spec(LaneMapping mapping, int fairDepth, double isolateRate) {
        return new QueueSpec("q", "svc", 8, mapping, 2, 1, 0, Discipline.FIFO, 0, 0, AsyncRetrySpec.DEFAULT, 1000, 0,
                fairDepth, isolateRate);
    }

    /** fairDepth 2: tenant 0's third waiting message goes behind everyone's; once one is taken, lane 0 again. */
    @Test
    void fairSendsATenantsExcessBehindTheQuiet() {
        LaneChoice c = new LaneChoice(spec(LaneMapping.FAIR, 2, 100), 4, new SplittableRandom(1));
        Lane[] lanes = {new Lane(), new Lane()};
        assertEquals(2, c.laneCount());
        assertEquals(1, c.pollerLanes(), "one set of pollers reads both lanes");
        int[] expected = {0, 0, 1, 1};
        for (int e : expected) {
            int l = c.lane(0, lanes);
            assertEquals(e, l);
            lanes[l].add(0, 0, 1, 0);
        }
        assertEquals(0, c.lane(1, lanes), "a quiet tenant's message goes first");
        lanes[0].add(0, 1, 1, 0);
        assertEquals(0, c.takeLane(0, lanes), "lane 1 waits while lane 0 holds messages");
        c.taken(0);
        assertEquals(1, c.lane(0, lanes), "tenant 0 still has 3 waiting, over its depth of 2");
        lanes[0].takeFirst();
        lanes[0].takeFirst();
        lanes[0].takeFirst();
        assertEquals(1, c.takeLane(0, lanes), "lane 0 empty: lane 1");
        assertEquals(2, c.waitingFor(0, lanes), "what the pollers see: both lanes");
    }

    /** Rate 2 per second: a tenant enqueuing 3 in a second is isolated for the next second, then released. */
    @Test
    void autoIsolateMovesATenantOverTheRateForTheNextSecond() {
        LaneChoice c = new LaneChoice(spec(LaneMapping.AUTO_ISOLATE, 10, 2), 4, new SplittableRandom(1));
        Lane[] lanes = {new Lane(), new Lane()};
        assertEquals(2, c.pollerLanes(), "the isolation lane has pollers of its own");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, c.lane(0, lanes));
        }
        c.lane(1, lanes);
        c.lane(1, lanes);
        c.sealSecond();
        assertTrue(c.isolated(0));
        assertFalse(c.isolated(1), "2 in a second is not over the rate");
        assertEquals(1, c.lane(0, lanes));
        assertEquals(0, c.lane(1, lanes));
        c.sealSecond();
        assertFalse(c.isolated(0), "one message in the second: back to the shared lane");
        assertEquals(0, c.lane(0, lanes));
    }
}
