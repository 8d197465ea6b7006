package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.TraceEvent;
import lab.overload.engine.component.World;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimeoutKind;
import org.junit.jupiter.api.Test;

/** Tiny scenarios whose every event is known in advance, compared line by line. */
class ExactEventLogTest {

    private static List<String> trace(Scenario s, double untilSeconds) {
        World world = new World(s);
        List<String> lines = new ArrayList<>();
        world.onTrace(e -> lines.add(e.toString()));
        world.runUntil(Math.round(untilSeconds * 1e6));
        world.summary().checkConservation();
        return lines;
    }

    /**
     * One worker, an arrival every 7 s (first at 7 s), 11 s of work, a 3 s client timeout, expired work dropped at
     * dequeue. Request 1 is served 7-18 s, its client gone at 10 s; request 2 waits 14-17 s, gives up, and is dropped
     * when the worker frees at 18 s; request 3 is served 21-32 s (client gone at 24 s); request 4 gives up at 31 s
     * and is dropped at 32 s; request 5 starts at 35 s.
     */
    @Test
    void constantArrivalsLongWorkShortTimeoutDropAtDequeue() {
        Scenario s = Scenarios.scenario(1, 40, 0,
                Scenarios.openClient(ArrivalKind.CONSTANT, 1.0 / 7, TimeoutKind.FIXED, 3000, RetrySpec.NONE),
                Scenarios.service(1, 100, Distribution.CONSTANT, 11_000, ExpiredWork.DROP_AT_DEQUEUE, 0));
        List<String> expected = List.of(
                "7.000000 web send r1 a1", "7.000000 api start r1 a1",
                "10.000000 web timeout r1 a1", "10.000000 web FAILED_TIMEOUT r1 a1",
                "14.000000 web send r2 a1", "14.000000 api enqueue r2 a1",
                "17.000000 web timeout r2 a1", "17.000000 web FAILED_TIMEOUT r2 a1",
                "18.000000 api COMPLETED_WASTED r1 a1", "18.000000 api ABANDONED_BY_SERVER r2 a1",
                "21.000000 web send r3 a1", "21.000000 api start r3 a1",
                "24.000000 web timeout r3 a1", "24.000000 web FAILED_TIMEOUT r3 a1",
                "28.000000 web send r4 a1", "28.000000 api enqueue r4 a1",
                "31.000000 web timeout r4 a1", "31.000000 web FAILED_TIMEOUT r4 a1",
                "32.000000 api COMPLETED_WASTED r3 a1", "32.000000 api ABANDONED_BY_SERVER r4 a1",
                "35.000000 web send r5 a1", "35.000000 api start r5 a1",
                "38.000000 web timeout r5 a1", "38.000000 web FAILED_TIMEOUT r5 a1");
        assertEquals(expected, trace(s, 40));
    }
}
