package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.BooleanSupplier;
import lab.overload.engine.Scenarios;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

class LiveRunnerTest {
    private static final Scenario SCENARIO = Scenarios.mmc(4, 30, 10, 5, 60, 0);

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /**
     * A heap that runs full stops the run instead of freezing it: once the heap check trips (or an
     * OutOfMemoryError is thrown on the sim thread), the runner drops the run, resets to t = 0 paused, says why in
     * its status, and still obeys commands, close included.
     */
    @Test
    void aFullHeapStopsTheRunWithAMessageAndTheRunnerStaysResponsive() throws Exception {
        for (boolean thrown : new boolean[] {false, true}) {
            java.util.concurrent.atomic.AtomicBoolean full = new java.util.concurrent.atomic.AtomicBoolean();
            BooleanSupplier heapCheck = () -> {
                if (full.getAndSet(false)) {
                    if (thrown) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                    return true;
                }
                return false;
            };
            LiveRunner runner = new LiveRunner(SCENARIO, 1024, heapCheck);
            try (runner) {
                runner.start();
                runner.setSpeed(100);
                runner.play();
                await(() -> runner.status().simMicros() > 1_000_000, "sim time to pass 1 s");
                int generation = runner.status().generation();
                full.set(true);
                await(() -> runner.status().generation() > generation, "the run to be dropped");
                LiveStatus st = runner.status();
                assertFalse(st.running(), "stopped");
                assertTrue(st.failure().startsWith("Out of memory at t = ") && st.failure().contains("queueCapacity")
                        && st.failure().contains("-Xmx"), st.failure());
                assertEquals(st.failure(), st.message(), "the notice the window shows");
                runner.play();
                await(() -> runner.status().running() && runner.status().simMicros() > 200_000, "play again");
                assertEquals("", runner.status().failure(), "play clears the failure");
            }
            assertFalse(runner.isAlive(), "close ends the sim thread");
        }
    }

    @Test
    void playPauseStepResetAndClose() throws Exception {
        try (LiveRunner runner = new LiveRunner(SCENARIO, 1024)) {
            runner.start();
            runner.setSpeed(100);
            runner.play();
            await(() -> runner.status().simMicros() > 2_000_000, "sim time to pass 2 s");
            runner.pause();
            await(() -> !runner.status().running(), "pause");
            long paused = runner.status().simMicros();
            Thread.sleep(100);
            assertEquals(paused, runner.status().simMicros(), "sim time must not move while paused");

            long before = runner.ring().published();
            runner.step();
            await(() -> runner.ring().published() == before + 1, "one interval after step");
            Thread.sleep(100);
            assertEquals(before + 1, runner.ring().published(), "step seals exactly one interval");
            assertEquals(0, runner.status().simMicros() % 100_000, "step stops on an interval boundary");

            int gen = runner.status().generation();
            runner.reset();
            await(() -> runner.status().generation() == gen + 1, "reset");
            assertEquals(0, runner.status().simMicros(), "reset returns to t = 0");
            assertThrows(IllegalArgumentException.class, () -> runner.change("services.api.workersPerHost", "0"));
        }
    }

    /**
     * A playing runner whose scenario needs little work sleeps between chunks instead of spinning on its clock. A
     * spinning thread burns about one CPU second per wall second; this scenario at 10x needs a few milliseconds.
     */
    @Test
    @org.junit.jupiter.api.Tag("timing")
    void playingRunnerSleepsWhenCaughtUp() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled(),
                "thread CPU time is not measurable on this JVM");
        try (LiveRunner runner = new LiveRunner(SCENARIO, 1024)) {
            runner.start();
            runner.setSpeed(10);
            runner.play();
            await(() -> runner.status().simMicros() > 1_000_000, "sim time to pass 1 s");
            long cpu0 = mx.getThreadCpuTime(runner.threadId());
            long wall0 = System.nanoTime();
            Thread.sleep(1500);
            double cpuShare = (double) (mx.getThreadCpuTime(runner.threadId()) - cpu0) / (System.nanoTime() - wall0);
            assertTrue(runner.status().simMicros() > 10_000_000, "the clock must keep running at 10x");
            assertTrue(cpuShare < 0.3, "sim thread CPU share while caught up must be < 0.3 of wall time, was "
                    + cpuShare);
        }
    }

    @Test
    void closeStopsTheThread() {
        LiveRunner runner = new LiveRunner(SCENARIO, 16);
        runner.start();
        runner.play();
        runner.close();
        assertFalse(runner.isAlive(), "the simulation thread ends on close");
    }

    /** The live run's intervals equal a batch replay of its control log, whatever the pacing was. */
    @Test
    void liveRecordingReplaysExactlyInBatch() throws Exception {
        List<IntervalSnapshot> live;
        List<ControlChange> log;
        int n;
        try (LiveRunner runner = new LiveRunner(SCENARIO, 4096)) {
            runner.start();
            runner.setSpeed(20);
            runner.play();
            await(() -> runner.status().simMicros() > 1_000_000, "1 s");
            runner.change("clients.web.ratePerSecond", "45");
            await(() -> runner.status().simMicros() > 2_000_000, "2 s");
            runner.change("services.api.contentionSigma", "0.05");
            await(() -> runner.status().simMicros() > 3_000_000, "3 s");
            runner.change("services.api.workersPerHost", "2");
            await(() -> runner.controlLog().size() == 3, "three changes applied");
            // compare at least 4.5 s, and 0.5 s past the last change however late a loaded machine applied it
            int compared = (int) Math.max(45, runner.controlLog().get(2).atMicros() / 100_000 + 5);
            await(() -> runner.ring().published() >= compared, compared + " intervals");
            runner.pause();
            n = compared;
            live = runner.ring().since(0).stream().limit(n).map(LiveFrame::snapshot).toList();
            log = runner.controlLog();
        }
        assertEquals(3, log.size(), "three changes recorded");
        assertTrue(log.get(2).atMicros() < n * 100_000L, "changes fall inside the compared intervals");
        Scenario replay = SCENARIO.withDuration(n / 10.0, 0);
        List<IntervalSnapshot> batch = BatchRunner.run(replay, log, true).intervals();
        assertEquals(n, batch.size());
        assertEquals(batch, live, "live intervals equal the batch replay of the control log");
        // traffic reached the end of the compared range (one 100 ms interval at 45/s is empty 1.1% of the time, and
        // with this seed interval 44 is, for most times at which the changes land; a whole second almost never is)
        long lastSecond = live.subList(n - 10, n).stream().mapToLong(IntervalSnapshot::offered).sum();
        assertTrue(lastSecond > 0, "requests offered in the last second compared: " + lastSecond);
    }
}
