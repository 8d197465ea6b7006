package lab.overload.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.overload.engine.policy.AimdLimit;
import lab.overload.engine.policy.GradientLimit;
import lab.overload.engine.policy.Limit;
import lab.overload.models.scenario.LimitKind;
import lab.overload.models.scenario.LimitSpec;
import org.junit.jupiter.api.Test;

/** AIMD and gradient limits driven by scripted samples; every expected value is worked out in the comments. */
class LimitAlgorithmsTest {

    @Test
    void aimdAddsOneWhileUsedAndBacksOffOnDropsAndSlowSamples() {
        AimdLimit l = new AimdLimit(10, 1, 12, 0.9, 100);
        l.onSample(50, 5, false);   // 2 x 5 >= 10: +1
        assertEquals(11, l.limit(), "success with half the limit in flight adds one");
        l.onSample(50, 3, false);   // 2 x 3 < 11: app-limited, no change
        assertEquals(11, l.limit(), "an idle host does not grow its limit");
        l.onSample(50, 11, false);
        l.onSample(50, 12, false);  // 13, clamped to max 12
        assertEquals(12, l.limit(), "clamped to maxLimit");
        l.onSample(150, 12, false); // rtt 150 > threshold 100: floor(12 x 0.9) = floor(10.8)
        assertEquals(10, l.limit(), "a slow sample is a drop");
        l.onSample(50, 10, true);   // floor(10 x 0.9) = 9
        assertEquals(9, l.limit(), "an explicit drop backs off");
        int[] expected = {8, 7, 6, 5, 4, 3, 2, 1, 1}; // floor(9 x .9)=8, 7.2, 6.3, 5.4, 4.5, 3.6, 2.7, 1.8, max(1, 0.9)
        for (int e : expected) {
            l.onSample(50, 1, true);
            assertEquals(e, l.limit(), "repeated drops: multiplicative decrease down to minLimit");
        }
    }

    @Test
    void aimdValidatesItsParametersNamingTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AimdLimit(10, 1, 100, 1.0, 100));
        assertTrue(e.getMessage().contains("backoffRatio must be in [0.5, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AimdLimit(10, 0, 100, 0.9, 100));
        assertTrue(e.getMessage().contains("1 <= minLimit <= maxLimit"), e.getMessage());
    }

    /**
     * Smoothing 0.2, tolerance 1.5, queue headroom 4. With steady latency the gradient is clamp(1.5, 0.5, 1) = 1 and
     * each sample moves the limit to 0.8 L + 0.2 (L + 4) = L + 0.8. After the first 10 samples (the long-window
     * warm-up, a plain mean of 100 us) L = 20 + 8 = 28. A sample of 400 us then gives longRtt = 100 (1 - f) + 400 f
     * with f = 2/601, gradient = clamp(1.5 x 101 / 400, 0.5, 1) = 0.5, so L = 0.8 x 28 + 0.2 (14 + 4) = 26.
     */
    @Test
    void gradientCreepsUpWhileLatencyHoldsAndFallsWhenItRises() {
        GradientLimit g = new GradientLimit(20, 1, 100, 0.2, 1.5, 600, 4);
        for (int i = 1; i <= 10; i++) {
            g.onSample(100, 20, false);
            assertEquals(20 + 0.8 * i, g.estimatedLimit(), 1e-9, "steady sample " + i + ": +smoothing x queueSize");
        }
        assertEquals(100, g.longRttMicros(), 1e-9, "long window = mean of the warm-up samples");
        g.onSample(400, 28, false);
        double f = 2.0 / 601;
        assertEquals(100 * (1 - f) + 400 * f, g.longRttMicros(), 1e-9, "EMA after the warm-up");
        assertEquals(26.0, g.estimatedLimit(), 1e-9, "latency 4x the long window: gradient clamped to 0.5");
        assertEquals(26, g.limit());

        double before = g.longRttMicros();
        g.onSample(100, 5, false);   // inflight 5 < 26 / 2: app-limited, the limit holds (the long RTT still learns)
        assertEquals(26.0, g.estimatedLimit(), 1e-9, "app-limited samples do not move the limit");
        double expectLong = before * (1 - f) + 100 * f;
        assertEquals(expectLong, g.longRttMicros(), 1e-9);

        g.onSample(40, 5, false);    // longRtt / 40 > 2: the long RTT decays by 5% to recover from the spike
        assertEquals((expectLong * (1 - f) + 40 * f) * 0.95, g.longRttMicros(), 1e-9, "decay after a fast sample");

        for (int i = 0; i < 200; i++) {
            g.onSample(Math.round(g.longRttMicros()), 100, false);
        }
        assertEquals(100.0, g.estimatedLimit(), 1e-9, "steady latency climbs to maxLimit and stays");
    }

    /** No headroom (queueSize 0), smoothing 0.2: a sample at the 0.5 clamp gives L = 0.8 L + 0.2 (0.5 L) = 0.9 L. */
    @Test
    void gradientWithoutHeadroomLosesTenPercentPerSlowSample() {
        GradientLimit h = new GradientLimit(50, 1, 100, 0.2, 1.0, 100_000, 0);
        for (int i = 0; i < 10; i++) {
            h.onSample(100, 100, false);
        }
        double l = h.estimatedLimit();
        for (int i = 0; i < 20; i++) {
            h.onSample(1000, 100, false); // 10x slower than the long window: gradient 0.5, L -> 0.9 L
            l = 0.9 * l;
        }
        assertEquals(l, h.estimatedLimit(), 1e-6, "with no headroom each slow sample multiplies the limit by 0.9");
    }

    @Test
    void reconfiguringKeepsWhatWasLearnedAndAKindChangeStartsAfresh() {
        LimitSpec aimd = new LimitSpec(LimitKind.AIMD, 10, 1, 1000, 0.9, 1000, 0.2, 1.5, 600, 4);
        Limit l = Limit.of(aimd);
        l.onSample(1, 10, false);
        assertEquals(11, l.limit());
        Limit narrower = l.reconfigured(new LimitSpec(LimitKind.AIMD, 10, 1, 5, 0.9, 1000, 0.2, 1.5, 600, 4));
        assertEquals(5, narrower.limit(), "a lowered maxLimit clamps the learned limit");
        Limit gradient = narrower.reconfigured(new LimitSpec(LimitKind.GRADIENT, 7, 1, 1000, 0.9, 1000, 0.2, 1.5,
                600, 4));
        assertEquals(7, gradient.limit(), "a new kind starts at its initial limit");
        assertSame(Limit.NONE, Limit.of(LimitSpec.NONE), "FIXED: the workers are the bound");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LimitSpec(LimitKind.AIMD, 10, 50, 20, 0.9, 1000, 0.2, 1.5, 600, 4));
        assertTrue(e.getMessage().contains("limit.minLimit (50)") && e.getMessage().contains("limit.maxLimit (20)"),
                "minLimit above maxLimit is rejected, naming both: " + e.getMessage());
    }
}
