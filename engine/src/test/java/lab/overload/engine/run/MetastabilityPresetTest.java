package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.MetastabilityDetector.Settings;
import lab.overload.engine.run.MetastabilityDetector.TriggerReport;
import lab.overload.engine.run.MetastabilityDetector.Verdict;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metastable-retry-storm preset: stuck after its 5 s spike as it is, recovered with each of the fixes its lesson
 * names, and the claims of its "try this" steps, checked at the preset's full duration.
 */
class MetastabilityPresetTest {
    private static Scenario preset;

    @BeforeAll
    static void load() throws IOException {
        preset = ScenarioCodec.read(Path.of("..", "presets", "metastable-retry-storm.json"));
    }

    /** The preset shortened to 60 s (spike 20-25 s, after window 50-60 s), with the path=value pairs set. */
    private static Scenario shortened(String... sets) {
        return with(preset.withDuration(60, 0), sets);
    }

    private static Scenario with(Scenario s, String... sets) {
        for (int i = 0; i < sets.length; i += 2) {
            s = ParameterPaths.with(s, sets[i], sets[i + 1]);
        }
        return s;
    }

    private record Checked(TriggerReport report, List<IntervalSnapshot> intervals) {
    }

    private static Checked check(Scenario s) {
        RunResult run = BatchRunner.run(s, List.of(), true);
        List<TriggerReport> reports = MetastabilityDetector.analyze(s, run.intervals(), Settings.DEFAULTS).triggers();
        assertEquals(1, reports.size());
        return new Checked(reports.get(0), run.intervals());
    }

    private static String describe(String variant, TriggerReport r) {
        return String.format(Locale.ROOT, "%s: %s, baseline %.1f/s, after %.1f/s (%.0f-%.0f s), recovery %s s",
                variant, r.verdict(), r.baseline(), r.after(), r.afterFromSeconds(), r.afterToSeconds(),
                r.hasRecoveryTime() ? String.format(Locale.ROOT, "%.1f", r.recoverySeconds()) : "none");
    }

    private static void assertStuck(String variant, TriggerReport r, double maxAfter) {
        String msg = describe(variant, r);
        assertEquals(Verdict.STILL_DEGRADED, r.verdict(), msg);
        assertTrue(r.baseline() > 180, "the service is healthy before the spike; " + msg);
        assertTrue(r.after() < maxAfter, msg);
        assertFalse(r.hasRecoveryTime(), msg);
    }

    private static void assertRecovered(String variant, TriggerReport r, double maxRecoverySeconds) {
        String msg = describe(variant, r);
        assertEquals(Verdict.RECOVERED, r.verdict(), msg);
        assertTrue(r.after() > 0.9 * r.baseline(), msg);
        assertTrue(r.hasRecoveryTime() && r.recoverySeconds() <= maxRecoverySeconds, msg);
    }

    @Test
    void asItIsTheSpikeLeavesGoodputNearZero() {
        assertStuck("as is", check(shortened()).report(), 5);
    }

    @Test
    void withoutRetriesTheSameSpikeRecovers() {
        assertRecovered("maxAttempts 1", check(shortened("clients.web.retry.maxAttempts", "1")).report(), 15);
    }

    @Test
    void withLifoTheSameSpikeRecovers() {
        assertRecovered("LIFO", check(shortened("services.api.discipline", "LIFO")).report(), 15);
    }

    @Test
    void droppingExpiredWorkTheSameSpikeRecovers() {
        assertRecovered("DROP_AT_DEQUEUE", check(shortened("services.api.expiredWork", "DROP_AT_DEQUEUE")).report(),
                15);
    }

    @Test
    void droppingExpiredWorkDoesNotHelpWhenEveryClientGivesUpAtOnce() {
        assertStuck("DROP_AT_DEQUEUE with FIXED timeouts", check(shortened("services.api.expiredWork",
                "DROP_AT_DEQUEUE", "clients.web.timeoutKind", "FIXED")).report(), 20);
    }

    private static final String BUDGET = "clients.web.retryBudget.kind";

    /** Whether this build has client retry budgets (added separately from the detector). */
    private static boolean hasRetryBudgets() {
        return ParameterPaths.list(preset).stream().anyMatch(p -> p.path().equals(BUDGET));
    }

    @Test
    void withARetryBudgetTheSameSpikeRecovers() {
        assumeTrue(hasRetryBudgets(), "no " + BUDGET + " in this build");
        assertRecovered("AWS_STANDARD retry budget", check(shortened(BUDGET, "AWS_STANDARD")).report(), 15);
        assertRecovered("GRPC retry budget", check(shortened(BUDGET, "GRPC")).report(), 15);
    }

    @Test
    void hysteresisRecoveryLoadIsBelowTheBaseLoad() {
        Scenario s = shortened();
        var trigger = Hysteresis.loadTrigger(s);
        Hysteresis.Result result = Hysteresis.run(s, trigger, Hysteresis.Plan.of(5), 2);
        StringBuilder table = new StringBuilder();
        for (Hysteresis.Row row : result.rows()) {
            table.append(String.format(Locale.ROOT, "%n  %.0f/s: %s, %.3f of offered succeed", row.load(),
                    row.report().verdict(), row.report().after()));
        }
        String msg = "recovery load " + result.recoveryLoad() + " of base " + result.baseLoad() + table;
        assertEquals(200, result.baseLoad(), msg);
        assertEquals(List.of(200.0, 155.0, 110.0, 65.0, 20.0), result.rows().stream().map(Hysteresis.Row::load)
                .toList());
        assertFalse(result.rows().get(0).recovered(), "stuck at the base load itself; " + msg);
        assertFalse(result.recoversAtBaseLoad(), msg);
        assertTrue(result.recoveryLoad() < result.baseLoad(), msg);
        assertTrue(result.rows().get(result.rows().size() - 1).recovered(), msg);
    }

    /** The numbers the lesson's story and "try this" steps quote, at the preset's own duration (120 s). */
    @Test
    void theLessonsClaimsHoldAtFullDuration() {
        assertEquals(120, preset.durationSeconds());
        Checked asIs = check(preset);
        assertStuck("as is", asIs.report(), 1);
        double throughput = asIs.intervals().subList(300, 1200).stream()
                .mapToDouble(IntervalSnapshot::throughputPerSecond).average().orElseThrow();
        assertTrue(throughput > 240 && throughput < 290, "throughput stays near 265/s: " + throughput);
        long queueAfterSpike = asIs.intervals().get(250).queueLengthMax();
        assertTrue(queueAfterSpike > 2000 && queueAfterSpike < 10_000,
                "a few thousand attempts queued when the spike ends: " + queueAfterSpike);
        assertRecovered("maxAttempts 1", check(with(preset, "clients.web.retry.maxAttempts", "1")).report(), 10);
        assertRecovered("LIFO", check(with(preset, "services.api.discipline", "LIFO")).report(), 1);
        assertRecovered("DROP_AT_DEQUEUE", check(with(preset, "services.api.expiredWork", "DROP_AT_DEQUEUE"))
                .report(), 1);
        assertStuck("DROP_AT_DEQUEUE with FIXED timeouts", check(with(preset, "services.api.expiredWork",
                "DROP_AT_DEQUEUE", "clients.web.timeoutKind", "FIXED")).report(), 10);

        if (hasRetryBudgets()) {
            assertRecovered("AWS_STANDARD retry budget", check(with(preset, BUDGET, "AWS_STANDARD")).report(), 15);
            TriggerReport finagle = check(with(preset, BUDGET, "FINAGLE")).report();
            assertRecovered("FINAGLE retry budget", finagle, 70);
            assertTrue(finagle.recoverySeconds() > 40, "nearly a minute: " + describe("FINAGLE", finagle));
        }

        Hysteresis.Result h = Hysteresis.run(preset, Hysteresis.loadTrigger(preset), Hysteresis.Plan.of(19), 2);
        StringBuilder table = new StringBuilder();
        for (Hysteresis.Row row : h.rows()) {
            table.append(String.format(Locale.ROOT, "%n  %.0f/s: %s", row.load(), row.report().verdict()));
        }
        String msg = "recovery load " + h.recoveryLoad() + table;
        assertFalse(h.rows().get(10).recovered(), "stuck at 100/s; " + msg);
        assertEquals(100, h.rows().get(10).load(), 1e-9);
        assertTrue(h.recoveryLoad() >= 60 && h.recoveryLoad() <= 80, "recovers only at about 70/s; " + msg);
        Hysteresis.Row at70 = h.rows().get(13);
        assertEquals(70, at70.load(), 1e-9);
        assertTrue(at70.recovered() && at70.report().recoverySeconds() > 40 && at70.report().recoverySeconds() < 70,
                "at 70/s it takes nearly a minute: " + at70.report());
    }
}
