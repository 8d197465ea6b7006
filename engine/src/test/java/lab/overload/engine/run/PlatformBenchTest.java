package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.engine.component.FunctionStats;
import lab.overload.engine.component.World;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's {@code platform} case exists, runs through the bench, and is the load it claims to be (no speed is
 * asserted): about 2,000 busy sandboxes (Little's law: 9 functions x 2,000/s x 0.1 s, plus the throttled one's share),
 * sandboxes created again after the start (keep-alive churn), and the reserved function throttled as Erlang B says.
 */
class PlatformBenchTest {
    /** Erlang B(c, a) by the usual recursion. */
    private static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    @Test
    void theCaseIsABusyChurningPartlyThrottledAccount() {
        Scenario s = PlatformBench.scenario(8).withDuration(8, 3);
        World w = new World(s);
        w.runUntil(s.durationMicros());
        w.summary().checkConservation();
        double busy = 0;
        long coldAfterWarmup = 0;
        for (int i = 0; i < PlatformBench.FUNCTIONS; i++) {
            FunctionStats st = w.functionStats("f" + i);
            assertEquals(st.invokes(), st.warm() + st.cold() + st.throttledTotal(), "f" + i + " invokes");
            busy += st.busyMean();
            coldAfterWarmup += st.cold();
        }
        // 9 x 200 unthrottled, and the throttled one carries 200 x (1 - B) ~ 147
        double expected = 9 * 200 + 200 * (1 - erlangB(PlatformBench.THROTTLED_RESERVATION, 200));
        assertEquals(expected, busy, 0.03 * expected, "mean busy sandboxes over every function");
        assertTrue(coldAfterWarmup > 100, "sandboxes expire and are created again: " + coldAfterWarmup
                + " cold invokes after the first 3 s");
        FunctionStats last = w.functionStats("f" + (PlatformBench.FUNCTIONS - 1));
        double throttled = (double) last.throttledTotal() / last.invokes();
        // Erlang B(150, 200) = 0.263 for zero init; cold starts hold a sandbox 60 ms longer, so a little more
        assertTrue(throttled > 0.24 && throttled < 0.31, "throttled share of the reserved function: " + throttled);
        assertEquals(0, w.functionStats("f0").throttledTotal(), "the unreserved functions are not throttled");
    }

    @Test
    void theBenchRunsThePlatformCaseAndReportsItsRatioToMmc() {
        List<EngineBench.BenchResult> results = EngineBench.run(2000, 1, null);
        EngineBench.BenchResult platform = results.stream().filter(r -> r.name().equals("platform")).findFirst()
                .orElseThrow();
        assertTrue(platform.requests() >= 1500 && platform.requests() <= 2500, "about 2000 requests: "
                + platform.requests());
        assertTrue(EngineBench.format(results).contains("platform / mmc, median req/s: "), EngineBench.format(results));
    }
}
