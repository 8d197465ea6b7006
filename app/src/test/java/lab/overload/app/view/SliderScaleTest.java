package lab.overload.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Parameter;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import lab.overload.app.viewmodel.PresetCatalog;
import org.junit.jupiter.api.Test;

/**
 * A log slider's steps: round values such as 300 can be reached by a drag, snapping never moves a value by more than
 * half a pixel (no coarse steps), and typed values are kept exactly.
 */
class SliderScaleTest {
    /** A slider's usable length in pixels in the controls panel (about 150 px at the desk font). */
    private static final int PIXELS = 150;

    @Test
    void aLogSliderReachesRoundValuesWithFineSteps() {
        Scenario s = PresetCatalog.bundled("goodput-collapse.json");
        Parameter rate = ParameterPaths.list(s).stream()
                .filter(p -> p.path().equals("clients.web.ratePerSecond")).findFirst().orElseThrow();
        FieldDef def = rate.def();
        assertTrue(def.logScale(), "fixture: the rate has a log slider");
        SliderScale scale = SliderScale.around(def, rate.value());
        TreeSet<Double> values = new TreeSet<>();
        for (int px = 0; px <= PIXELS; px++) {
            double position = px / (double) PIXELS;
            double v = scale.snapped(def, position, PIXELS);
            values.add(v);
            assertEquals(position, scale.toPosition(v), 0.5 / PIXELS + 1e-12,
                    "snapping moves a value by at most half a pixel: " + v + " at pixel " + px);
        }
        for (double wanted : new double[] {5, 50, 100, 150, 300, 400, 1000, 2000, 5000}) {
            assertTrue(values.contains(wanted), wanted + " can be reached by a drag over " + PIXELS + " px; values "
                    + values.subSet(wanted * 0.85, wanted * 1.15));
        }
    }

    @Test
    void typedValuesKeepTheirPositionExactly() {
        Scenario s = PresetCatalog.bundled("goodput-collapse.json");
        Parameter rate = ParameterPaths.list(s).stream()
                .filter(p -> p.path().equals("clients.web.ratePerSecond")).findFirst().orElseThrow();
        SliderScale scale = SliderScale.around(rate.def(), rate.value());
        for (double typed : new double[] {3, 317, 1234.5, 19_999}) {
            assertEquals(typed, scale.toValue(scale.toPosition(typed)), typed * 1e-12,
                    "a typed value maps to a slider position and back unchanged");
        }
    }
}
