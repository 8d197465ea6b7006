package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import lab.overload.engine.Scenarios;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;
import lab.overload.models.scenario.TimeoutKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record, replay and scrub, driven headless: the live runner is moved only by runTo/seek commands (as fast as
 * possible to an exact sim time), never by wall-clock pacing, so every number compared is deterministic.
 */
class RecordReplayTest {
    private static final long S = 1_000_000L;
    private static final String RATE = "clients.web.ratePerSecond";
    /**
     * A service near overload with timeouts and retries (so every change moves the numbers), and a timeline of its
     * own: the rate steps to 50/s at 3 s.
     */
    private static final Scenario START = withTimeline(Scenarios.scenario(11, 8, 1,
            Scenarios.openClient(ArrivalKind.POISSON, 30, TimeoutKind.FIXED, 400, Scenarios.retries(3)),
            Scenarios.service(4, 20, Distribution.EXPONENTIAL, 120, ExpiredWork.PROCESS, 0)),
            List.of(new TimelineChange(3, RATE, "50", 0, 0, "step")));

    private static Scenario withTimeline(Scenario s, List<TimelineChange> timeline) {
        return new Scenario(s.schemaVersion(), s.name(), s.description(), s.lesson(), s.seed(), s.durationSeconds(),
                s.warmupSeconds(), s.intervalMillis(), s.clients(), s.services(), timeline);
    }

    /**
     * Waits for the runner's thread to reach a state. The 60 s bound only guards against a hang; no assertion depends
     * on how fast the runner gets there (the runner is moved with runTo/seek, never by wall-clock pacing).
     */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** Runs (or scrubs) to exactly {@code micros} and waits until the runner is paused there. */
    private static void goTo(LiveRunner runner, long micros, boolean seek) throws InterruptedException {
        if (seek) {
            runner.seek(micros);
        } else {
            runner.runTo(micros);
        }
        await(() -> runner.status().simMicros() == micros && runner.status().seekTargetMicros() < 0
                && !runner.status().running(), "sim time " + micros + " us");
    }

    /** The snapshots of the runner's current generation, in order. */
    private static List<IntervalSnapshot> currentRun(LiveRunner runner) {
        int gen = runner.status().generation();
        return runner.ring().since(0).stream().filter(f -> f.generation() == gen).map(LiveFrame::snapshot).toList();
    }

    /**
     * The session: workers up at 1.5 s; at 3 s exactly, the same instant as the scenario's own step to 50/s, the
     * user sets the rate to 20/s (applied first, so the timeline's 50/s wins, as live); the rate to 40/s and a
     * shorter queue together at 5 s, contention on at 6.2 s; then on to the end of the scenario's duration.
     */
    private static void playSession(LiveRunner runner) throws InterruptedException {
        goTo(runner, 3 * S / 2, false);
        runner.change("services.api.workersPerHost", "5");
        goTo(runner, 3 * S - 1, false); // a change made at t takes effect at t + 1 us: here at exactly 3 s
        runner.change(RATE, "20");
        goTo(runner, 5 * S, false);
        runner.change(RATE, "40");
        runner.change("services.api.queueCapacity", "10"); // made together: both at 5 s + 1 us
        goTo(runner, 62 * S / 10, false);
        runner.change("services.api.contentionSigma", "0.05");
        goTo(runner, 8 * S, false);
    }

    @Test
    void aSavedRecordingReplayedHeadlessGivesTheLiveSummary(@TempDir Path dir) throws Exception {
        Summary live;
        List<IntervalSnapshot> liveIntervals;
        Recording recording;
        try (LiveRunner runner = new LiveRunner(START, 1024)) {
            runner.start();
            playSession(runner);
            live = runner.summary().get(60, TimeUnit.SECONDS);
            liveIntervals = currentRun(runner);
            recording = runner.recording();
            assertEquals(runner.controlLog(), recording.changes());
        }
        assertEquals(List.of(1_500_001L, 3 * S, 5_000_001L, 5_000_001L, 6_200_001L),
                recording.changes().stream().map(ControlChange::atMicros).toList(),
                "changes at t + 1 us; two made together share it");
        assertEquals(START, recording.start());

        Path file = dir.resolve("session.json");
        ScenarioCodec.writeAtomically(recording.toScenario(START.name(), 8 * S), file);
        Scenario saved = ScenarioCodec.read(file);
        List<String> timeline = saved.timeline().stream().map(t -> t.atSeconds() + " " + t.label()).toList();
        assertEquals(List.of("1.500001 recorded: services.api.workersPerHost = 5", "3.0 recorded: " + RATE + " = 20",
                "3.0 step", "5.000001 recorded: " + RATE + " = 40",
                "5.000001 recorded: services.api.queueCapacity = 10",
                "6.200001 recorded: services.api.contentionSigma = 0.05"), timeline,
                "recorded changes merged with the scenario's own, sorted, recorded first at equal times");
        assertEquals(8, saved.durationSeconds());

        RunResult replay = BatchRunner.run(saved, List.of(), true);
        assertEquals(SummaryJson.write(live), SummaryJson.write(replay.summary()),
                "the recording replayed headless gives the live session's summary, byte for byte");
        assertEquals(live, replay.summary());
        assertEquals(80, liveIntervals.size());
        assertEquals(liveIntervals, replay.intervals(), "and the same intervals");
        assertEquals(live, BatchRunner.run(START, recording.changes(), false).summary(),
                "as the control log replayed through BatchRunner does");
        assertTrue(live.requestsTotal() > 150, "traffic flowed: " + live.requestsTotal());

        // the order at equal times matters: with the scenario's step first, the user's 20/s would win
        List<TimelineChange> swapped = new ArrayList<>(saved.timeline());
        swapped.set(1, saved.timeline().get(2));
        swapped.set(2, saved.timeline().get(1));
        assertNotEquals(live, BatchRunner.run(withTimeline(saved, swapped)).summary(),
                "the tie order changes the run, so the test above can fail");
    }

    @Test
    void scrubbingBackAndForwardLandsOnTheSameState() throws Exception {
        try (LiveRunner runner = new LiveRunner(START, 1024)) {
            runner.start();
            playSession(runner);
            List<IntervalSnapshot> original = currentRun(runner);
            Summary atEnd = runner.summary().get(60, TimeUnit.SECONDS);
            int generation = runner.status().generation();

            goTo(runner, 32 * S / 10, true);
            assertEquals(generation + 1, runner.status().generation(), "a scrub back is a re-run from t = 0");
            assertEquals(original.subList(0, 32), currentRun(runner), "state at 3.2 s after scrubbing back");
            assertEquals(8 * S, runner.status().furthestMicros(), "the furthest time reached is kept");
            assertEquals(5, runner.controlLog().size(), "the later changes wait to be replayed");

            goTo(runner, 65 * S / 10, true);
            assertEquals(original.subList(0, 65), currentRun(runner), "state at 6.5 s after scrubbing forward");
            goTo(runner, 7 * S / 10, true);
            assertEquals(original.subList(0, 7), currentRun(runner), "state at 0.7 s");
            goTo(runner, 8 * S, true);
            assertEquals(original, currentRun(runner), "state at 8 s, past every recorded change");
            assertEquals(atEnd, runner.summary().get(60, TimeUnit.SECONDS), "and the same summary");
        }
    }

    @Test
    void aChangeAfterScrubbingBackDropsTheChangesAheadOfIt() throws Exception {
        try (LiveRunner runner = new LiveRunner(START, 1024)) {
            runner.start();
            playSession(runner);
            goTo(runner, 4 * S, true);
            runner.change(RATE, "10");
            await(() -> runner.status().message().contains("the 3 recorded changes after it were dropped"),
                    "the notice of the dropped changes");
            assertEquals(List.of(1_500_001L, 3 * S, 4 * S + 1),
                    runner.controlLog().stream().map(ControlChange::atMicros).toList());
            goTo(runner, 8 * S, true);
            Summary live = runner.summary().get(60, TimeUnit.SECONDS);
            Scenario saved = runner.recording().toScenario(START.name(), 8 * S);
            assertEquals(live, BatchRunner.run(saved).summary(), "the new history replays");
        }
    }

    /** A change that needs a restart starts a new run, and with it a new recording from the restarted scenario. */
    @Test
    void aRestartStartsTheRecordingAgainFromTheRestartedScenario() throws Exception {
        try (LiveRunner runner = new LiveRunner(START, 64)) {
            runner.start();
            goTo(runner, S, false);
            runner.change(RATE, "45");
            runner.change("clients.web.loop", "CLOSED");
            await(() -> runner.status().message().contains("restarted from t = 0"), "the restart");
            Recording recording = runner.recording();
            assertEquals(List.of(), recording.changes(), "the new run has changed nothing yet");
            assertEquals("CLOSED", recording.start().clients().get(0).loop().name());
            assertEquals(45, recording.start().clients().get(0).ratePerSecond(), "the restart keeps the live change");
        }
    }
}
