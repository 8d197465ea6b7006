package lab.overload.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.FunctionStats;
import lab.overload.engine.component.World;
import lab.overload.engine.component.platform.Sandbox;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.PlatformInterval;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The account's sandboxes by worker manager, function and state, as sealed into every interval and summed in the
 * summary's {@code platform} block: checked against the functions' own counts, which are kept by other code (the
 * functions' state gauges, and a scan of each function's sandbox table).
 */
class SandboxCensusTest {
    private static Scenario preset(String name, double seconds) throws IOException {
        return ScenarioCodec.read(Path.of("..", "presets", name + ".json")).withDuration(seconds, 0);
    }

    @Test
    void statesAreNumberedAlike() {
        assertEquals(List.of(Sandbox.INITIALIZING, Sandbox.BUSY, Sandbox.IDLE),
                List.of(PlatformInterval.INITIALIZING, PlatformInterval.BUSY, PlatformInterval.IDLE));
    }

    /**
     * At every seal, on the simulation thread at the seal's instant: for each function, each worker manager's count
     * per state equals a scan of the function's sandbox table, and the sum over worker managers equals the function's
     * state gauge in the same snapshot.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dependency-isolation", "modal-cold-starts", "lambda-concurrency-limits",
        "lambda-warm-and-cold"})
    void perWorkerManagerCountsAddUpToTheFunctionTotalsAtEveryInterval(String name) throws IOException {
        Scenario scenario = preset(name, 40);
        World w = new World(scenario);
        List<String> mismatches = new ArrayList<>();
        int[] intervals = {0};
        long[] seenSandboxes = {0};
        w.onInterval(s -> {
            intervals[0]++;
            PlatformInterval p = s.platform();
            assertEquals(scenario.account().workerManagers(), p.workerManagers());
            for (int f = 0; f < p.functions().size(); f++) {
                String fn = p.functions().get(f);
                int[][] scan = w.functionStats(fn).sandboxesByWorkerManager();
                for (int wm = 0; wm < p.workerManagers(); wm++) {
                    for (int st = 0; st < PlatformInterval.STATES; st++) {
                        if (p.sandboxes(wm, f, st) != scan[wm][st]) {
                            mismatches.add(s.index() + " " + fn + " wm" + wm + " state " + st + ": "
                                    + p.sandboxes(wm, f, st) + " != table " + scan[wm][st]);
                        }
                    }
                }
                String prefix = "functions." + fn + ".sandboxes";
                double[] gauges = {s.policy().get(prefix + "Initializing"), s.policy().get(prefix + "Busy"),
                    s.policy().get(prefix + "Idle")};
                for (int st = 0; st < PlatformInterval.STATES; st++) {
                    if (p.ofFunction(f, st) != gauges[st]) {
                        mismatches.add(s.index() + " " + fn + " state " + st + ": " + p.ofFunction(f, st)
                                + " != gauge " + gauges[st]);
                    }
                    seenSandboxes[0] += p.ofFunction(f, st);
                }
            }
        });
        w.runUntil(scenario.durationMicros());
        assertEquals(400, intervals[0]);
        assertTrue(seenSandboxes[0] > 0, "the run has sandboxes");
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())));
    }

    /**
     * The summary's per-worker-manager time means add up over the worker managers to the functions' own time means
     * (kept by each function's ledger), state by state; a maximum is at least the largest mean and at most the slots.
     */
    @Test
    void theSummaryBlockAddsUpToTheFunctions() throws IOException {
        Scenario scenario = preset("dependency-isolation", 40);
        World w = new World(scenario);
        w.runUntil(scenario.durationMicros());
        Map<String, Object> tree = w.summary().toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> platform = (Map<String, Object>) tree.get("platform");
        assertEquals(scenario.account().name(), platform.get("name"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Number>>> managers =
                (Map<String, Map<String, Map<String, Number>>>) platform.get("workerManagers");
        assertEquals(scenario.account().workerManagers(), managers.size());
        String[] states = {"sandboxes", "initializing", "busy", "idle"};
        double[] perManager = new double[4];
        for (Map<String, Map<String, Number>> m : managers.values()) {
            for (int i = 0; i < 4; i++) {
                double mean = m.get(states[i]).get("mean").doubleValue();
                long max = m.get(states[i]).get("max").longValue();
                perManager[i] += mean;
                assertTrue(max >= Math.ceil(mean - 1e-9) && max <= scenario.account().slotsPerWorkerManager(),
                        states[i] + " max " + max + " mean " + mean);
            }
        }
        double[] perFunction = new double[4];
        for (var f : scenario.functions()) {
            FunctionStats st = w.functionStats(f.name());
            perFunction[0] += st.sandboxesMean();
            perFunction[1] += st.initializingMean();
            perFunction[2] += st.busyMean();
            perFunction[3] += st.idleMean();
        }
        assertTrue(perFunction[0] > 1, "the run keeps sandboxes: " + perFunction[0]);
        for (int i = 0; i < 4; i++) {
            assertEquals(perFunction[i], perManager[i], 1e-9 * Math.max(1, perFunction[i]), states[i]);
        }
    }

    /**
     * Constant work of 100 ms, placement 20 ms and init 800 ms, one invoke per second with a long keep-alive: the
     * first invoke is cold and lasts 20 + 800 + 100 = 920 ms, every later one is warm and lasts 100 ms.
     */
    @Test
    void invokeDurationsAreSplitWarmAndCold() {
        Scenario s = PlatformTraces.scenario("""
                {'name': 't', 'durationSeconds': 10, 'intervalMillis': 1000,
                 'clients': [{'name': 'web', 'target': 'f', 'arrivals': 'CONSTANT', 'ratePerSecond': 1,
                              'timeoutKind': 'NONE'}],
                 'platform': [{'name': 'acct', 'placementMillis': 20, 'workerManagers': 2}],
                 'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': 100,
                                'initMillis': 800, 'keepAliveSeconds': 60}]}""");
        List<IntervalSnapshot> run = BatchRunner.run(s, List.of(), true).intervals();
        long warm = 0;
        long cold = 0;
        for (IntervalSnapshot i : run) {
            PlatformInterval p = i.platform();
            warm += p.invokesEnded(0, false);
            cold += p.invokesEnded(0, true);
            if (p.invokesEnded(0, true) > 0) {
                assertEquals(920, p.durationMeanMillis(0, true), 1e-9);
            }
            if (p.invokesEnded(0, false) > 0) {
                assertEquals(100, p.durationMeanMillis(0, false), 1e-9);
            } else {
                assertTrue(Double.isNaN(p.durationMeanMillis(0, false)));
            }
        }
        assertEquals(1, cold, "only the first invoke is cold");
        assertEquals(8, warm, "invokes at 2..9 s end within the run");
        PlatformInterval last = run.get(run.size() - 1).platform();
        assertEquals(1, last.onWorkerManager(0) + last.onWorkerManager(1), "one sandbox, reused");
        assertEquals(1, last.largestWorkerManager());
    }

    @Test
    void aScenarioWithoutFunctionsHasNoPlatform() throws IOException {
        var result = BatchRunner.run(preset("goodput-collapse", 5), List.of(), true);
        assertSame(PlatformInterval.NONE, result.intervals().get(0).platform());
        assertTrue(result.intervals().get(0).platform().isEmpty());
        assertFalse(result.summary().toMap().containsKey("platform"));
    }
}
