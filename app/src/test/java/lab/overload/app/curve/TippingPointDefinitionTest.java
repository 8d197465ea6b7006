package lab.overload.app.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tipping point is the knee before a collapse, never the top of a noisy plateau: on synthetic curves here, on the
 * two overload presets' real sweeps in {@link CurveSweeperTest}.
 */
class TippingPointDefinitionTest {
    /** Goodput follows load to 400, then a noisy plateau (the load-shedding shape): no collapse, no tipping point. */
    @Test
    void aNoisyPlateauHasNoTippingPoint() {
        double[] goodput = {39, 79, 118, 158, 198, 237, 276, 315, 355, 380, 395, 388, 516, 401, 392, 399};
        List<Curve.Point> points = points(goodput);
        assertTrue(Double.isNaN(Curve.tippingPoint(points)), "the plateau's top (516) is not a tipping point");
        Curve c = Curve.of("preset", "clients.web.ratePerSecond", points, 400, Fixtures.SHEDDING, 0);
        assertFalse(c.collapses());
        assertEquals("no collapse up to 640 req/s", c.tippingText());
    }

    /** The plateau, then goodput falls below 80% of its peak and stays there: the knee is the plateau's start. */
    @Test
    void aCollapseAfterAPlateauTipsWhereThePlateauStarts() {
        double[] goodput = {39, 79, 118, 158, 198, 237, 276, 315, 355, 380, 395, 388, 410, 120, 30, 5};
        List<Curve.Point> points = points(goodput);
        // goodput / offered is at best 0.99 (at 80), 0.95 at 400, 0.90 at 440, 0.81 at 480: below 0.9 x 0.99 first at
        // 480, so the tipping point is 440, not the plateau's top (410 at 520)
        assertEquals(440, Curve.tippingPoint(points), 1e-9);
        Curve c = Curve.of("preset", "clients.web.ratePerSecond", points, 400, Fixtures.COLLAPSE, 0);
        assertTrue(c.collapses());
        assertEquals("tipping point \u2248 440 req/s", c.tippingText());
    }

    /** A dip that recovers at higher loads is not a collapse: it must stay down up to the highest load swept. */
    @Test
    void aDipThatRecoversIsNotACollapse() {
        double[] goodput = {39, 79, 118, 158, 198, 237, 276, 100, 300, 310, 305, 300, 310, 300, 305, 310};
        assertTrue(Double.isNaN(Curve.tippingPoint(points(goodput))));
    }

    /** A sharp peak, then collapse (goodput-collapse's shape): the tipping point is the peak. */
    @Test
    void aSharpPeakTipsAtThePeak() {
        double[] goodput = {39, 79, 118, 158, 198, 237, 270, 106, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(280, Curve.tippingPoint(points(goodput)), 1e-9);
    }

    /**
     * A constant error rate is not a knee: a fifth of every load fails, then the service collapses past 280 req/s.
     */
    @Test
    void aConstantFailureShareIsNotAKnee() {
        double[] goodput = {32, 64, 96, 128, 160, 192, 224, 60, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(280, Curve.tippingPoint(points(goodput)), 1e-9);
    }

    /** Offered 40, 80, ..., 640 req/s with these goodputs. */
    private static List<Curve.Point> points(double[] goodput) {
        List<Curve.Point> out = new ArrayList<>();
        for (int i = 0; i < goodput.length; i++) {
            double offered = 40 * (i + 1);
            out.add(new Curve.Point(offered, offered, goodput[i], Math.min(offered, 400), 50));
        }
        return out;
    }
}
