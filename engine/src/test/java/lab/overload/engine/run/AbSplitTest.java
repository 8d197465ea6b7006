package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import lab.overload.engine.Scenarios;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimeoutKind;
import org.junit.jupiter.api.Test;

/**
 * The A/B split of the live runner, driven headless by runTo/seek commands (as fast as possible to exact sim times,
 * never paced by the wall clock), so every compared number is deterministic.
 */
class AbSplitTest {
    private static final long S = 1_000_000L;
    private static final String RATE = "clients.web.ratePerSecond";
    /** A service near overload with timeouts and retries, so a change of rate or queue moves every number. */
    private static final Scenario START = Scenarios.scenario(11, 30, 1,
            Scenarios.openClient(ArrivalKind.POISSON, 30, TimeoutKind.FIXED, 400, Scenarios.retries(3)),
            Scenarios.service(4, 20, Distribution.EXPONENTIAL, 120, ExpiredWork.PROCESS, 0));

    /** A hang guard only: no assertion depends on how fast the runner gets anywhere. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    private static void goTo(LiveRunner runner, long micros) throws InterruptedException {
        runner.runTo(micros);
        await(() -> runner.status().simMicros() == micros && !runner.status().running(), "sim time " + micros);
    }

    private static void splitOn(LiveRunner runner) throws InterruptedException {
        runner.split(true);
        await(() -> runner.scenarioB() != null, "the split");
    }

    /** The numbers of each interval of a ring's current generation that the charts draw, as comparable rows. */
    private static List<String> rows(SnapshotRing ring, int generation) {
        return ring.since(0).stream().filter(f -> f.generation() == generation).map(LiveFrame::snapshot)
                .map(AbSplitTest::row).toList();
    }

    private static String row(IntervalSnapshot s) {
        return s.endMicros() + " " + s.offered() + " " + s.attempts() + " " + s.succeeded() + " "
                + s.failedTimeout() + " " + s.latencyP99Millis() + " " + s.concurrencyMean() + " "
                + s.queueLengthMean();
    }

    @Test
    void withNoChangeBothSidesGiveTheSameIntervals() throws Exception {
        try (LiveRunner runner = new LiveRunner(START, 4096)) {
            runner.start();
            goTo(runner, 2 * S);
            splitOn(runner);
            goTo(runner, 6 * S);
            int gen = runner.status().generation();
            List<String> a = rows(runner.ring(), gen);
            assertEquals(60, a.size(), "A: 6 s of 100 ms intervals");
            assertEquals(a, rows(runner.ringB(), gen), "B is A's copy at 2 s and runs on the same random numbers");
        }
    }

    @Test
    void aChangeOnBOnlyMovesBAndLeavesAAsAnUnsplitRun() throws Exception {
        List<String> unsplit;
        try (LiveRunner runner = new LiveRunner(START, 4096)) {
            runner.start();
            goTo(runner, 6 * S);
            unsplit = rows(runner.ring(), runner.status().generation());
        }
        try (LiveRunner runner = new LiveRunner(START, 4096)) {
            runner.start();
            goTo(runner, 2 * S);
            splitOn(runner);
            runner.change(RATE, "60", AbSide.B);
            await(() -> ParameterPaths.get(runner.scenarioB(), RATE) == 60.0, "B's change");
            goTo(runner, 6 * S);
            int gen = runner.status().generation();
            List<String> a = rows(runner.ring(), gen);
            List<String> b = rows(runner.ringB(), gen);
            assertEquals(unsplit, a, "side A is untouched by B's change and by the split");
            assertEquals(30.0, ParameterPaths.get(runner.status().scenario(), RATE));
            assertEquals(a.subList(0, 20), b.subList(0, 20), "identical up to the change at 2 s");
            long offeredA = sumOffered(runner.ring(), gen, 2 * S);
            long offeredB = sumOffered(runner.ringB(), gen, 2 * S);
            // 4 s at 30/s vs 60/s: about 120 vs 240 requests (Poisson, fixed seed); B must offer clearly more
            assertTrue(offeredB > 1.5 * offeredA, "B offered " + offeredB + " after the change, A " + offeredA);
        }
    }

    private static long sumOffered(SnapshotRing ring, int gen, long afterMicros) {
        return ring.since(0).stream().filter(f -> f.generation() == gen).map(LiveFrame::snapshot)
                .filter(s -> s.startMicros() >= afterMicros).mapToLong(IntervalSnapshot::offered).sum();
    }

    @Test
    void aChangeOnBothSidesKeepsThemEqualAndAnInvalidOneIsRefusedNamingTheField() throws Exception {
        try (LiveRunner runner = new LiveRunner(START, 4096)) {
            runner.start();
            goTo(runner, 1 * S);
            splitOn(runner);
            runner.change("services.api.queueCapacity", "5", AbSide.BOTH);
            goTo(runner, 4 * S);
            int gen = runner.status().generation();
            assertEquals(rows(runner.ring(), gen), rows(runner.ringB(), gen));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> runner.change("services.api.queueCapacity", "-3", AbSide.B));
            assertTrue(e.getMessage().contains("queueCapacity"), e.getMessage());
        }
    }

    @Test
    void aChangeThatCannotBeLiveRestartsBothSidesEachWithItsOwnValues() throws Exception {
        try (LiveRunner runner = new LiveRunner(START, 4096)) {
            runner.start();
            goTo(runner, 2 * S);
            splitOn(runner);
            int before = runner.status().generation();
            runner.change("clients.web.loop", "CLOSED", AbSide.B);
            await(() -> runner.status().generation() > before
                    && runner.scenarioB().clients().get(0).loop() == LoopKind.CLOSED, "the restart");
            assertEquals(LoopKind.CLOSED, runner.scenarioB().clients().get(0).loop());
            assertEquals(LoopKind.OPEN, runner.status().scenario().clients().get(0).loop());
            assertTrue(runner.status().message().contains("on side B"), runner.status().message());
            goTo(runner, 3 * S);
            int gen = runner.status().generation();
            assertEquals(30, rows(runner.ring(), gen).size());
            assertEquals(30, rows(runner.ringB(), gen).size());
            assertNotEquals(rows(runner.ring(), gen), rows(runner.ringB(), gen));
        }
    }

    @Test
    void scrubbingBackReRunsBothSidesToTheSameState() throws Exception {
        try (LiveRunner runner = new LiveRunner(START, 8192)) {
            runner.start();
            goTo(runner, 2 * S);
            splitOn(runner);
            runner.change(RATE, "45", AbSide.B);
            goTo(runner, 5 * S);
            int gen = runner.status().generation();
            List<String> a = rows(runner.ring(), gen);
            List<String> b = rows(runner.ringB(), gen);
            runner.seek(3 * S);
            await(() -> runner.status().generation() > gen && runner.status().simMicros() == 3 * S
                    && runner.status().seekTargetMicros() < 0, "the scrub back");
            goTo(runner, 5 * S);
            int again = runner.status().generation();
            assertEquals(a, rows(runner.ring(), again));
            assertEquals(b, rows(runner.ringB(), again), "B's own change is replayed from its log");
        }
    }

    /**
     * Common random numbers: with a change on side B that does not touch the load (a shorter queue), both sides see
     * the same arrivals. Checked from the event traces of two worlds made as the split makes them (B a copy of A that
     * then takes the change at 2 s): the same requests are sent first at the same times, while what happens to them
     * differs; and in the live runner the offered counts of every interval are equal on both sides.
     */
    @Test
    void aChangeThatLeavesTheLoadAloneLeavesTheArrivalsIdentical() throws Exception {
        List<String> arrivalsA = new java.util.ArrayList<>();
        List<String> arrivalsB = new java.util.ArrayList<>();
        List<String> allA = new java.util.ArrayList<>();
        List<String> allB = new java.util.ArrayList<>();
        for (int side = 0; side < 2; side++) {
            List<String> arrivals = side == 0 ? arrivalsA : arrivalsB;
            List<String> all = side == 0 ? allA : allB;
            lab.overload.engine.component.World w = new lab.overload.engine.component.World(START);
            w.onTrace(e -> {
                all.add(e.toString() + " " + e.outcome());
                if (e.event().equals("send") && e.attempt() == 1) {
                    arrivals.add(e.timeMicros() + " r" + e.requestId() + " " + e.client());
                }
            });
            w.runUntil(2 * S);
            if (side == 1) {
                w.simulation().advanceTo(2 * S + 1);
                w.apply("services.api.queueCapacity", "2");
            }
            w.runUntil(8 * S);
        }
        assertTrue(arrivalsA.size() > 150, "about 30/s for 8 s: " + arrivalsA.size());
        assertEquals(arrivalsA, arrivalsB, "the same requests arrive at the same times on both sides");
        assertNotEquals(allA, allB, "what happens to them differs (B sheds with a queue of 2)");

        try (LiveRunner runner = new LiveRunner(START, 4096)) {
            runner.start();
            goTo(runner, 2 * S);
            splitOn(runner);
            runner.change("services.api.queueCapacity", "2", AbSide.B);
            await(() -> runner.scenarioB().services().get(0).queueCapacity() == 2, "B's change");
            goTo(runner, 8 * S);
            int gen = runner.status().generation();
            List<Long> offeredA = runner.ring().since(0).stream().filter(f -> f.generation() == gen)
                    .map(f -> f.snapshot().offered()).toList();
            List<Long> offeredB = runner.ringB().since(0).stream().filter(f -> f.generation() == gen)
                    .map(f -> f.snapshot().offered()).toList();
            assertEquals(80, offeredA.size());
            assertEquals(offeredA, offeredB, "the same requests offered in every interval");
            assertNotEquals(rows(runner.ring(), gen), rows(runner.ringB(), gen), "and different outcomes");
        }
    }

    @Test
    void resetTurnsTheSplitOff() throws Exception {
        try (LiveRunner runner = new LiveRunner(START, 4096)) {
            runner.start();
            goTo(runner, 1 * S);
            splitOn(runner);
            runner.reset();
            await(() -> runner.status().simMicros() == 0 && runner.scenarioB() == null, "the reset");
            assertNull(runner.scenarioB());
        }
    }
}
