package lab.overload.engine.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.EngineBench;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A host in the plain case (fixed speed, no checkpoints, no dependency, a fixed limit, no input size bound, no dequeue
 * rule, FIFO) takes short paths for arrivals, finishes and dequeues ({@link Host#plain}). They must do exactly what the
 * general path does: each scenario runs twice, once plain and once with an input size bound no request reaches (100,000
 * times the typical size), which sends every attempt down the general path without changing anything it decides. The
 * event traces of the first 20,000 requests and the summaries must be identical. One variant also leaves the plain case
 * part-way and comes back (FIFO, LIFO at 20 s, FIFO again at 40 s), so both paths share attempts in flight.
 */
class PlainHostTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"littles-law", "timeouts-waste-work", "mmc-shedding", "mmc-shedding-lifo-between"})
    void thePlainPathsDoWhatTheGeneralPathDoes(String name) throws Exception {
        Scenario s = scenario(name);
        World plain = new World(s);
        World general = new World(ParameterPaths.with(s, "services.api.boundedWork.maxRequestSize", "100000"));
        assertTrue(plain.service("api").hosts.get(0).plain(), "the scenario is plain");
        assertFalse(general.service("api").hosts.get(0).plain(), "the bound leaves the plain case");
        List<TraceEvent> plainTrace = new ArrayList<>();
        List<TraceEvent> generalTrace = new ArrayList<>();
        plain.onTrace(plainTrace::add, 20_000);
        general.onTrace(generalTrace::add, 20_000);
        run(plain, s, name.endsWith("lifo-between"));
        run(general, s, name.endsWith("lifo-between"));
        assertTrue(plainTrace.size() > 20_000, "a long trace: " + plainTrace.size());
        for (int i = 0; i < plainTrace.size(); i++) {
            assertEquals(generalTrace.get(i), plainTrace.get(i), name + ": trace line " + i);
        }
        assertEquals(generalTrace.size(), plainTrace.size(), name + ": trace length");
        assertEquals(SummaryJson.write(general.summary().toMap()), SummaryJson.write(plain.summary().toMap()),
                name + ": summary");
        if (name.startsWith("mmc")) {
            assertTrue(plain.summary().shed() > 1000, "the overloaded case sheds: " + plain.summary().shed());
            assertTrue(plain.summary().failedTimeout() > 100, "and times out: " + plain.summary().failedTimeout());
        }
    }

    private static void run(World w, Scenario s, boolean lifoBetween) {
        if (lifoBetween) {
            w.runUntil(20_000_000);
            w.apply("services.api.discipline", "LIFO");
            assertFalse(w.service("api").hosts.get(0).plain(), "LIFO is not plain");
            w.runUntil(40_000_000);
            w.apply("services.api.discipline", "FIFO");
        }
        w.runUntil(s.durationMicros());
    }

    /**
     * A preset, or M/M/10 overloaded (arrivals at 110/s for 10 workers serving 10/s each), with a queue of 20, a
     * 2 ms rejection cost, a fixed 300 ms timeout and three attempts: every outcome a plain host can give.
     */
    private static Scenario scenario(String name) throws Exception {
        if (!name.startsWith("mmc")) {
            return ScenarioCodec.read(Path.of("..", "presets", name + ".json"));
        }
        Scenario s = EngineBench.mmc(60, true);
        s = ParameterPaths.with(s, "clients.web.ratePerSecond", "110");
        s = ParameterPaths.with(s, "clients.web.timeoutMillis", "300");
        s = ParameterPaths.with(s, "clients.web.retry.maxAttempts", "3");
        s = ParameterPaths.with(s, "services.api.queueCapacity", "20");
        return ParameterPaths.with(s, "services.api.rejectionCostMillis", "2");
    }
}
