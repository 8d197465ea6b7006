package lab.overload.engine.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sampled traces: spans that add up exactly, deterministic sampling, and a run that sampling does not change. */
class SampledTracesTest {
    static Scenario preset(String name, double seconds) throws IOException {
        return ScenarioCodec.read(Path.of("..", "presets", name + ".json")).withDuration(seconds, 0);
    }

    /** Runs the scenario with sampling at {@code rate}, collecting every finished trace. */
    static List<Trace> traces(Scenario s, double rate) {
        World w = new World(s);
        w.sampleTraces(rate, 1_000_000);
        List<Trace> out = new ArrayList<>();
        w.onInterval(i -> out.addAll(w.traceSampler().drainFresh()));
        w.runUntil(s.durationMicros());
        out.addAll(w.traceSampler().drainFresh());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "clients-retry, 60, BACKOFF",
        "timeouts-waste-work, 70, AFTER_TIMEOUT",
        "modal-cold-starts, 40, INIT",
        "lambda-warm-and-cold, 40, PLACEMENT",
        "slow-dependency, 60, WORK",
        "lambda-warm-and-cold, 30, CALL",
        "queue-backlog, 60, ASYNC_WAIT",
    })
    void theClientSpansOfEveryTraceAddUpToItsLatencyExactly(String name, double seconds, SpanKind expected)
            throws IOException {
        List<Trace> traces = traces(preset(name, seconds), 0.2);
        assertTrue(traces.size() > 50, name + ": " + traces.size() + " traces");
        Set<SpanKind> kinds = EnumSet.noneOf(SpanKind.class);
        for (Trace t : traces) {
            assertEquals(t.latencyMicros(), t.clientSpanMicros(), () -> name + " r" + t.requestId() + " " + t);
            long at = t.arrivalMicros();
            for (Span s : t.spans()) {
                kinds.add(s.kind());
                if (s.depth() == 0) {
                    assertEquals(at, s.startMicros(), () -> name + ": client spans must follow each other " + t);
                    at = s.endMicros();
                }
                assertTrue(s.startMicros() >= t.arrivalMicros(), () -> name + ": a span before arrival " + t);
            }
        }
        assertTrue(kinds.contains(expected), name + " should show " + expected + " spans, showed " + kinds);
    }

    /**
     * Where a client calls its stage directly, an attempt that was answered is tiled exactly by the first stage's
     * spans (queue wait, placement, init, work, calls); one that timed out is tiled up to its timeout, and the stage's
     * time after it is booked as {@link SpanKind#AFTER_TIMEOUT}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"clients-retry, 60", "timeouts-waste-work, 70", "modal-cold-starts, 40", "lambda-warm-and-cold, 40",
        "slow-dependency, 60"})
    void theFirstStageSpansOfAnAttemptTileIt(String name, double seconds) throws IOException {
        int checked = 0;
        for (Trace t : traces(preset(name, seconds), 0.2)) {
            for (Span a : t.spans()) {
                if (a.kind() != SpanKind.ATTEMPT || !t.complete()) {
                    continue;
                }
                long inside = 0;
                for (Span s : t.spans()) {
                    if (s.depth() == 1 && s.attempt() == a.attempt() && s.kind() != SpanKind.AFTER_TIMEOUT) {
                        inside += s.durationMicros();
                    }
                }
                assertEquals(a.durationMicros(), inside, name + " r" + t.requestId() + " " + a.label() + " " + t);
                checked++;
            }
        }
        assertTrue(checked > 50, name + ": " + checked + " attempts checked");
    }

    @Test
    void aTimedOutAttemptShowsTheWorkDoneAfterTheClientLeft() throws IOException {
        List<Trace> traces = traces(preset("timeouts-waste-work", 70), 0.2);
        Trace t = traces.stream().filter(x -> x.spans().stream().anyMatch(s -> s.kind() == SpanKind.AFTER_TIMEOUT))
                .findFirst().orElseThrow();
        assertEquals("FAILED_TIMEOUT", t.outcome());
        assertTrue(t.lastMicros() > t.endMicros(), "the server worked on after the client's end: " + t);
    }

    @Test
    void samplingIsDeterministicPerSeedAndTakesTheRateShare() throws IOException {
        Scenario s = preset("clients-retry", 30);
        List<Long> a = traces(s, 0.1).stream().map(Trace::requestId).toList();
        List<Long> b = traces(s, 0.1).stream().map(Trace::requestId).toList();
        assertEquals(a, b, "the same seed samples the same requests");
        List<Long> other = traces(s.withSeed(s.seed() + 1), 0.1).stream().map(Trace::requestId).toList();
        assertNotEquals(a, other, "another seed samples other requests");
        // all requests that ended: a binomial(n, 0.1) count; 5 standard deviations either side
        long n = traces(s, 1.0).size();
        double sd = Math.sqrt(n * 0.1 * 0.9);
        assertTrue(Math.abs(a.size() - 0.1 * n) < 5 * sd, a.size() + " of " + n + " sampled at 10%");
        TraceSampler sampler = new TraceSampler(s.seed(), 10, 0.1);
        assertTrue(a.stream().allMatch(sampler::sampled), "the pure decision agrees with the run's");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"clients-retry", "timeouts-waste-work", "modal-cold-starts", "queue-backlog"})
    void theSummaryIsByteIdenticalWithSamplingAndReportsOnAndOff(String name) throws IOException {
        Scenario s = preset(name, 40);
        World off = new World(s);
        off.runUntil(s.durationMicros());
        World on = new World(s);
        on.sampleTraces(0.5, 100);
        on.recordReports(1000);
        on.runUntil(s.durationMicros() / 2);
        on.sampleTraces(0.01, 100); // a live change of rate half-way
        on.runUntil(s.durationMicros());
        assertTrue(on.traceSampler().finished().size() > 0, "traces were taken");
        assertEquals(SummaryJson.write(off.summary()), SummaryJson.write(on.summary()));
    }

    @Test
    void aChangeOfRateAppliesToTheRequestsThatArriveAfterItAndRatesNest() {
        TraceSampler s = new TraceSampler(7, 10, 0.5);
        TraceSampler low = new TraceSampler(7, 10, 0.01);
        boolean[] before = new boolean[1001];
        int taken = 0;
        for (int id = 1; id <= 1000; id++) {
            before[id] = s.sampled(id);
            taken += before[id] ? 1 : 0;
            assertTrue(!low.sampled(id) || before[id], "a request sampled at 1 % is sampled at 50 %: r" + id);
        }
        assertTrue(taken > 400 && taken < 600, taken + " of 1000 at 50 %");
        s.setRate(0, 1000);
        for (int id = 1; id <= 1000; id++) {
            assertEquals(before[id], s.sampled(id), "r" + id + " keeps the rate it arrived under");
        }
        for (int id = 1001; id <= 2000; id++) {
            assertTrue(!s.sampled(id), "r" + id + " arrived with sampling off");
        }
        s.setRate(1, 2000);
        assertTrue(!s.sampled(1500) && s.sampled(2001) && s.sampled(5000));
        assertEquals(before[17], s.sampled(17));
    }

    @Test
    void aRateOutsideZeroToOneIsRefusedNamingTheRange() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TraceSampler(1, 10, 1.5));
        assertEquals("trace sample rate must be in [0, 1], was 1.5", e.getMessage());
    }
}
