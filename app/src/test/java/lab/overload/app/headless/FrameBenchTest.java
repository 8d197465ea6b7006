package lab.overload.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import lab.overload.app.viewmodel.PresetCatalog;
import org.junit.jupiter.api.Test;

class FrameBenchTest {
    @Test
    void statsArePercentilesAndSharesOverOneAndTwoFrames() {
        long[] nanos = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray(); // 1..100 ms, shuffled below
        for (int i = 0; i < nanos.length; i++) {
            int j = (i * 37) % nanos.length;
            long t = nanos[i];
            nanos[i] = nanos[j];
            nanos[j] = t;
        }
        FrameBench.Stats s = FrameBench.Stats.of(nanos);
        assertEquals(100, s.count());
        assertEquals(50, s.p50(), 1e-9);
        assertEquals(95, s.p95(), 1e-9);
        assertEquals(99, s.p99(), 1e-9);
        assertEquals(100, s.max(), 1e-9);
        assertEquals(84, s.over1Frame(), 1e-9, "17..100 ms are over 16.7 ms");
        assertEquals(67, s.over2Frames(), 1e-9, "34..100 ms are over 33.3 ms");
    }

    /**
     * A short run of the real dashboard: the warm-up's frames are left out of the percentiles (Monocle pulses every
     * 16 ms, 62.5 times a second, so 1.5 s measured cannot hold the 2 s run's 125 frames), the engine ran at about the
     * asked speed, and the probe answered.
     */
    @Test
    @org.junit.jupiter.api.Tag("timing")
    void aShortRunMeasuresOnlyAfterTheWarmUp() throws Exception {
        FrameBench.Result r = FrameBench.run(PresetCatalog.bundled("goodput-collapse.json"), 10, 1.5, 0.5);
        assertTrue(r.frame().count() > 10 && r.frame().count() <= 1.5 * 62.5 + 5,
                "frames measured in 1.5 s after a 0.5 s warm-up: " + r.frame().count());
        assertEquals(r.frame().count(), r.pulseWork().count());
        assertTrue(r.probe().count() >= 5, "probes answered: " + r.probe().count());
        assertTrue(r.simSeconds() > 10 && r.simSeconds() < 25, "sim seconds at 10x over 2 s: " + r.simSeconds());
        assertEquals(1, r.overBySegment().length, "one 10 s segment");
        assertTrue(r.report().contains("the first 0.5 s are warm-up"), r.report());
    }
}
