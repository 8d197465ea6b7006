package lab.overload.engine.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.platform.InvokeDurations;
import org.junit.jupiter.api.Test;

/** The function blocks of the summary from given statistics, and the conservation check every summary makes. */
class FunctionSummaryTest {
    private static FunctionStats stats(long invokes, double idleSeconds) {
        Map<String, Long> throttled = new LinkedHashMap<>();
        throttled.put("reservedConcurrency", 2L);
        throttled.put("accountConcurrency", 1L);
        Map<String, Double> sec = Map.of("useful", 6.0, "wasted", 0.5, "init", 1.0, "abandoned", 0.5,
                "idle", idleSeconds, "inProgress", 0.25, "total", 10.25);
        return new FunctionStats("f", invokes, 7, 3, throttled, 2.5, 4, 3.0, 2.0, 0.75, 0.25, 5, sec,
                new int[1][3]);
    }

    /** 7 warm + 3 cold + 3 throttled = 13 invokes; 6 + 0.5 + 1 + 0.5 + 2 + 0.25 = 10.25 sandbox-seconds. */
    @Test
    @SuppressWarnings("unchecked")
    void blocksFromTheStatistics() {
        InvokeDurations d = new InvokeDurations();
        d.record(false, 100_000);
        d.record(false, 300_000);
        d.record(true, 1_000_000);
        Map<String, Object> m = FunctionSummary.blocks(stats(13, 2.0), d);
        assertEquals(List.of("invocations", "coldStartFraction", "throttledFraction", "sandboxes",
                "platformConcurrency", "durationMillis", "sandboxSeconds"), List.copyOf(m.keySet()));
        assertEquals(0.3, (double) m.get("coldStartFraction"), 1e-12, "3 cold of 10 started");
        assertEquals(3.0 / 13, (double) m.get("throttledFraction"), 1e-12);
        Map<String, Object> warm = (Map<String, Object>) ((Map<String, Object>) m.get("durationMillis")).get("warm");
        assertEquals(200.0, (double) warm.get("mean"), 1e-9, "mean of 100 and 300 ms");
        assertEquals(100.0, (double) warm.get("p50"), 0.1, "the lower of two values is the median (HdrHistogram)");
        assertEquals(300.0, (double) warm.get("p99"), 0.3, "3 significant digits");
        Map<String, Object> cold = (Map<String, Object>) ((Map<String, Object>) m.get("durationMillis")).get("cold");
        assertEquals(1000.0, (double) cold.get("mean"), 1e-9);
    }

    @Test
    void anImbalanceIsReported() {
        IllegalStateException invokes = assertThrows(IllegalStateException.class,
                () -> FunctionSummary.check(stats(14, 2.0)));
        assertTrue(invokes.getMessage().contains("invokes 14 != warm 7 + cold 3 + throttled 3"), invokes.getMessage());
        IllegalStateException seconds = assertThrows(IllegalStateException.class,
                () -> FunctionSummary.check(stats(13, 2.5)));
        assertTrue(seconds.getMessage().contains("not the total 10.25"), seconds.getMessage());
    }
}
