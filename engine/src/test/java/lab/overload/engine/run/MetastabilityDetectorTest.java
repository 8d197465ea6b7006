package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.MetastabilityDetector.Basis;
import lab.overload.engine.run.MetastabilityDetector.Report;
import lab.overload.engine.run.MetastabilityDetector.Settings;
import lab.overload.engine.run.MetastabilityDetector.Trigger;
import lab.overload.engine.run.MetastabilityDetector.TriggerReport;
import lab.overload.engine.run.MetastabilityDetector.Verdict;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;
import org.junit.jupiter.api.Test;

/** The detector on synthetic snapshot sequences, where every number is known exactly. */
class MetastabilityDetectorTest {
    private static final long MS100 = 100_000;
    private static final Settings DEFAULTS = Settings.DEFAULTS;

    /**
     * A snapshot with only the interval, offered and succeeded set (everything else zero, NaN or empty), built
     * through the record's canonical constructor by component name, so new snapshot fields do not break the test.
     */
    private static IntervalSnapshot snap(int index, long start, long end, long offered, long succeeded) {
        RecordComponent[] components = IntervalSnapshot.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            types[i] = t;
            args[i] = switch (components[i].getName()) {
                case "index" -> index;
                case "startMicros" -> start;
                case "endMicros" -> end;
                case "offered", "attempts" -> offered;
                case "succeeded", "completedUseful" -> succeeded;
                default -> t == int.class ? (Object) 0 : t == long.class ? (Object) 0L
                        : t == double.class ? (Object) 0.0 : t == Map.class ? Map.of()
                        : t == Set.class ? Set.of() : t == List.class ? List.of() : null;
            };
        }
        try {
            return IntervalSnapshot.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code seconds} of 100 ms snapshots; the tenth-of-a-second k has offered(k) and succeeded(k) requests. */
    private static List<IntervalSnapshot> series(int seconds, IntUnaryOperator offered, IntUnaryOperator succeeded) {
        List<IntervalSnapshot> out = new ArrayList<>();
        for (int k = 0; k < seconds * 10; k++) {
            out.add(snap(k, k * MS100, (k + 1) * MS100, offered.applyAsInt(k), succeeded.applyAsInt(k)));
        }
        return out;
    }

    private static Trigger trigger(double start, double end) {
        return new Trigger(0, "clients.web.ratePerSecond", "400", "spike", Math.round(start * 1e6),
                Math.round(end * 1e6));
    }

    @Test
    void recoveredAfterADipHasExactBaselineAfterAndRecoveryTime() {
        // 100/s, nothing from 20 s to 30 s, 100/s again; trigger 20-25 s
        var snaps = series(60, k -> 10, k -> k >= 200 && k < 300 ? 0 : 10);
        TriggerReport r = MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS);
        assertEquals(Verdict.RECOVERED, r.verdict(), r.toString());
        assertEquals(100.0, r.baseline(), 1e-9);
        assertEquals(100.0, r.baselineOffered(), 1e-9);
        assertEquals(10.0, r.baselineFromSeconds());
        assertEquals(20.0, r.baselineToSeconds());
        assertEquals(100.0, r.after(), 1e-9);
        assertEquals(50.0, r.afterFromSeconds());
        assertEquals(60.0, r.afterToSeconds());
        assertEquals(50.0, r.threshold(), 1e-9);
        assertEquals(5.0, r.recoverySeconds(), 1e-9, "goodput is back at 30 s, 5 s after the trigger ended");
        assertTrue(r.recovered());
        assertFalse(r.stillDegraded());
    }

    @Test
    void stuckAfterTheTriggerIsStillDegradedWithNoRecoveryTime() {
        var snaps = series(60, k -> 10, k -> k >= 200 ? 2 : 10);
        TriggerReport r = MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS);
        assertEquals(Verdict.STILL_DEGRADED, r.verdict(), r.toString());
        assertEquals(100.0, r.baseline(), 1e-9);
        assertEquals(20.0, r.after(), 1e-9);
        assertTrue(Double.isNaN(r.recoverySeconds()));
        assertFalse(r.hasRecoveryTime());
        assertTrue(r.reason().contains("20.0/s after < 0.5 x 100.0/s baseline"), r.reason());
    }

    @Test
    void aDipAfterTheRecoveryMovesTheRecoveryTimePastIt() {
        // back at 30 s, then nothing from 32 s to 33 s: the centred 1 s averages at 32.1-32.9 s are below 50/s,
        // so goodput stays good for 5 s only from 33 s on
        var snaps = series(60, k -> 10, k -> (k >= 200 && k < 300) || (k >= 320 && k < 330) ? 0 : 10);
        TriggerReport r = MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS);
        assertEquals(Verdict.RECOVERED, r.verdict());
        assertEquals(8.0, r.recoverySeconds(), 1e-9);
        var same = series(60, k -> 10, k -> (k >= 200 && k < 300) || (k >= 320 && k < 330) ? 0 : 10);
        assertEquals(r, MetastabilityDetector.analyze(trigger(20, 25), same, DEFAULTS),
                "a pure function of the snapshots");
    }

    @Test
    void goodputThatNeverDropsRecoversAtOnce() {
        var snaps = series(40, k -> 10, k -> 10);
        TriggerReport r = MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS);
        assertEquals(Verdict.RECOVERED, r.verdict());
        assertEquals(0.0, r.recoverySeconds(), 1e-9);
        assertEquals(35.0, r.afterFromSeconds(), "the last 10 s of data, but from 10 s after the end: 35-40 s");
        assertEquals(40.0, r.afterToSeconds());
    }

    @Test
    void theAfterWindowStartsNoEarlierThanTheGracePeriodsEnd() {
        var snaps = series(38, k -> 10, k -> k >= 200 && k < 300 ? 0 : 10);
        TriggerReport r = MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS);
        assertEquals(35.0, r.afterFromSeconds(), "grace 10 s after the end at 25 s");
        assertEquals(38.0, r.afterToSeconds());
        assertEquals(100.0, r.after(), 1e-9);
        TriggerReport shortGrace = MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS.withGrace(2));
        assertEquals(28.0, shortGrace.afterFromSeconds(), "the last 10 s, which start after the grace");
        assertEquals(80.0, shortGrace.after(), 1e-9, "28-30 s at 0/s, 30-38 s at 100/s");
        var shorter = snaps.subList(0, 310);
        TriggerReport early = MetastabilityDetector.analyze(trigger(20, 25), shorter, DEFAULTS.withGrace(2));
        assertEquals(27.0, early.afterFromSeconds());
        assertEquals(31.0, early.afterToSeconds());
        assertEquals(25.0, early.after(), 1e-9, "27-30 s at 0/s, 30-31 s at 100/s");
        assertEquals(Verdict.STILL_DEGRADED, early.verdict());
        assertEquals(Verdict.PENDING, MetastabilityDetector.analyze(trigger(20, 25), shorter, DEFAULTS).verdict());
    }

    @Test
    void tooLittleDataAfterTheTriggerIsPending() {
        var snaps = series(34, k -> 10, k -> 10);
        TriggerReport r = MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS);
        assertEquals(Verdict.PENDING, r.verdict(), r.toString());
        assertTrue(r.reason().contains("35 s"), r.reason());
        assertTrue(Double.isNaN(r.after()));
        assertEquals(100.0, r.baseline(), 1e-9, "the baseline is known already");
        assertEquals(Verdict.PENDING, MetastabilityDetector.analyze(trigger(20, 25), List.of(), DEFAULTS).verdict());
        assertEquals(Verdict.RECOVERED,
                MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS.withGrace(5)).verdict());
    }

    @Test
    void theBaselineUsesWhatIsAvailableAndIsUnknownWithoutData() {
        var snaps = series(40, k -> 10, k -> k < 30 ? 20 : 10);
        TriggerReport early = MetastabilityDetector.analyze(trigger(5, 10), snaps, DEFAULTS);
        assertEquals(0.0, early.baselineFromSeconds());
        assertEquals(5.0, early.baselineToSeconds());
        assertEquals((30 * 20 + 20 * 10) / 5.0, early.baseline(), 1e-9, "0-3 s at 200/s, 3-5 s at 100/s");
        TriggerReport atZero = MetastabilityDetector.analyze(trigger(0, 5), snaps, DEFAULTS);
        assertEquals(Verdict.UNKNOWN, atZero.verdict());
        assertTrue(Double.isNaN(atZero.baseline()));
        var silent = series(40, k -> 10, k -> k < 200 ? 0 : 10);
        TriggerReport noGoodput = MetastabilityDetector.analyze(trigger(20, 25), silent, DEFAULTS);
        assertEquals(Verdict.UNKNOWN, noGoodput.verdict());
        assertEquals(0.0, noGoodput.baseline());
        assertTrue(noGoodput.reason().contains("no goodput"), noGoodput.reason());
    }

    @Test
    void snapshotsArePartlyCountedByTheirOverlapWithAWindow() {
        // 1 s snapshots with i requests succeeded in second i; trigger at 20.5 s: the baseline [10.5, 20.5) counts
        // half of second 10, seconds 11-19 and half of second 20
        List<IntervalSnapshot> snaps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            snaps.add(snap(i, i * 1_000_000L, (i + 1) * 1_000_000L, 100, i));
        }
        TriggerReport r = MetastabilityDetector.analyze(trigger(20.5, 21.5), snaps, DEFAULTS);
        assertEquals((5 + 135 + 10) / 10.0, r.baseline(), 1e-12);
        assertEquals(100.0, r.baselineOffered(), 1e-12);
        assertEquals((50 + 59) / 2.0, r.after(), 1e-12, "the last 10 s: seconds 50-59");
    }

    @Test
    void theSuccessRatioComparesWithWhatWasOffered() {
        // the load drops to 40/s after the trigger and every request succeeds
        var snaps = series(60, k -> k >= 250 ? 4 : 10, k -> k >= 200 && k < 250 ? 0 : k >= 250 ? 4 : 10);
        TriggerReport goodput = MetastabilityDetector.analyze(trigger(20, 25), snaps, DEFAULTS);
        assertEquals(Verdict.STILL_DEGRADED, goodput.verdict(), "40/s < 0.5 x 100/s");
        TriggerReport ratio = MetastabilityDetector.analyze(trigger(20, 25), snaps,
                DEFAULTS.withBasis(Basis.SUCCESS_RATIO));
        assertEquals(Verdict.RECOVERED, ratio.verdict());
        assertEquals(1.0, ratio.baseline(), 1e-12);
        assertEquals(1.0, ratio.after(), 1e-12);
        assertEquals(40.0, ratio.afterOffered(), 1e-9);
        // the centred 1 s average at 25 s still holds half a second of the outage: 20 of 70 requests succeed;
        // at 25.3 s, 32 of 52
        assertEquals(0.3, ratio.recoverySeconds(), 1e-9);
        var stuck = series(60, k -> 10, k -> k >= 200 ? 1 : 10);
        TriggerReport stuckRatio = MetastabilityDetector.analyze(trigger(20, 25), stuck,
                DEFAULTS.withBasis(Basis.SUCCESS_RATIO));
        assertEquals(Verdict.STILL_DEGRADED, stuckRatio.verdict());
        assertEquals(0.1, stuckRatio.after(), 1e-12);
    }

    @Test
    void eachTriggersWindowsStopAtTheNextTrigger() {
        // trigger A 20-25 s then recovered from 30 s; trigger B 60-65 s then stuck (10/s)
        var snaps = series(100, k -> 10, k -> (k >= 200 && k < 300) ? 0 : k >= 600 ? 1 : 10);
        Report report = MetastabilityDetector.analyze(List.of(trigger(20, 25), trigger(60, 65)), snaps, DEFAULTS);
        TriggerReport a = report.triggers().get(0);
        TriggerReport b = report.triggers().get(1);
        assertEquals(Verdict.RECOVERED, a.verdict());
        assertEquals(50.0, a.afterFromSeconds());
        assertEquals(60.0, a.afterToSeconds(), "A's after window ends where B starts");
        assertEquals(5.0, a.recoverySeconds(), 1e-9);
        assertEquals(50.0, b.baselineFromSeconds());
        assertEquals(100.0, b.baseline(), 1e-9);
        assertEquals(Verdict.STILL_DEGRADED, b.verdict());
        assertEquals(10.0, b.after(), 1e-9);
        assertTrue(report.anyStillDegraded());
        Report tooClose = MetastabilityDetector.analyze(List.of(trigger(20, 25), trigger(30, 31)), snaps, DEFAULTS);
        assertEquals(Verdict.PENDING, tooClose.triggers().get(0).verdict());
        assertTrue(tooClose.triggers().get(0).reason().startsWith("the next trigger starts at 30 s"),
                tooClose.triggers().get(0).reason());
    }

    @Test
    void triggersAreTheTimelineChangesThatEnd() {
        Scenario s = ScenarioCodec.read("""
                {"name": "t", "durationSeconds": 60, "intervalMillis": 500,
                 "clients": [{"name": "web", "target": "api"}], "services": [{"name": "api"}],
                 "timeline": [
                   {"atSeconds": 30, "path": "services.api.serviceTimeMillis", "value": "300", "holdSeconds": 4},
                   {"atSeconds": 5, "path": "clients.web.ratePerSecond", "value": "20"},
                   {"atSeconds": 1.2, "path": "clients.web.ratePerSecond", "value": "50", "rampSeconds": 1.2,
                    "holdSeconds": 2, "label": "ramp up"}
                 ]}
                """);
        List<Trigger> triggers = MetastabilityDetector.triggers(s);
        assertEquals(2, triggers.size());
        Trigger ramp = triggers.get(0);
        assertEquals(2, ramp.timelineIndex());
        assertEquals(1_200_000, ramp.startMicros());
        assertEquals(4_700_000, ramp.endMicros(), "last ramp step at 2.7 s (3 steps of 500 ms), plus the 2 s hold");
        assertEquals("clients.web.ratePerSecond=50 at 1.2-4.7 s (ramp up)", ramp.describe());
        Trigger latency = triggers.get(1);
        assertEquals(0, latency.timelineIndex());
        assertEquals(30_000_000, latency.startMicros());
        assertEquals(34_000_000, latency.endMicros());
        assertEquals(2_000_000, MetastabilityDetector.endMicros(
                new TimelineChange(0, "clients.web.ratePerSecond", "5", 1, 1, ""), 100_000));
    }

    @Test
    void theEngineRestoresTheValueWhenTheDetectorSaysTheTriggerEnds() {
        // a 3.05 s ramp on a 200 ms interval: 16 steps, done at 3.2 s, restored 1 s later
        Scenario s = ScenarioCodec.read("""
                {"name": "t", "seed": 3, "durationSeconds": 8, "intervalMillis": 200,
                 "clients": [{"name": "web", "target": "api", "ratePerSecond": 100, "arrivals": "CONSTANT"}],
                 "services": [{"name": "api", "serviceTimeMillis": 1, "serviceTimeDistribution": "CONSTANT"}],
                 "timeline": [{"atSeconds": 0, "path": "clients.web.ratePerSecond", "value": "1000",
                               "rampSeconds": 3.05, "holdSeconds": 1}]}
                """);
        Trigger t = MetastabilityDetector.triggers(s).get(0);
        assertEquals(4_200_000, t.endMicros());
        RunResult run = BatchRunner.run(s, List.of(), true);
        double before = run.intervals().get(20).offeredPerSecond(); // 4.0-4.2 s: still 1000/s
        double after = run.intervals().get(22).offeredPerSecond(); // 4.4-4.6 s: back at 100/s
        assertTrue(before > 900 && after < 150, "offered " + before + "/s before 4.2 s, " + after + "/s after");
    }

    @Test
    void badSettingsAndSnapshotsAreRejectedNamingTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withFraction(0));
        assertTrue(e.getMessage().startsWith("fraction must be in (0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withGrace(-1));
        assertTrue(e.getMessage().startsWith("graceSeconds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Settings(10, 0.5, 10, 10, 1, 2, Basis.GOODPUT));
        assertTrue(e.getMessage().startsWith("smoothingSeconds must be at most holdSeconds"), e.getMessage());
        List<IntervalSnapshot> overlap = List.of(snap(0, 0, 2 * MS100, 1, 1), snap(1, MS100, 3 * MS100, 1, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> MetastabilityDetector.analyze(trigger(0, 0.1), overlap, DEFAULTS));
        assertTrue(e.getMessage().contains("in time order without overlaps"), e.getMessage());
    }

    @Test
    void framesALiveViewMissedAreLeftOutOfTheRates() {
        // 100/s throughout, stuck at 20/s after 20 s, but the snapshots of 14-16 s and 52-55 s never arrived
        var all = series(60, k -> 10, k -> k >= 200 ? 2 : 10);
        List<IntervalSnapshot> withGaps = new ArrayList<>(all.subList(0, 140));
        withGaps.addAll(all.subList(160, 520));
        withGaps.addAll(all.subList(550, 600));
        TriggerReport r = MetastabilityDetector.analyze(trigger(20, 25), withGaps, DEFAULTS);
        assertEquals(100.0, r.baseline(), 1e-9, "8 s covered of the 10 s baseline window");
        assertEquals(20.0, r.after(), 1e-9, "7 s covered of the 10 s after window");
        assertEquals(Verdict.STILL_DEGRADED, r.verdict());
        assertEquals(MetastabilityDetector.analyze(trigger(20, 25), all, DEFAULTS).after(), r.after(), 1e-9);
    }
}
