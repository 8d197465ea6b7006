package lab.overload.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * rho means offered load over capacity in every state: with retries tripling the attempts (goodput-collapse, stuck)
 * and with shedding rejecting the excess (load-shedding, healthy), both at the same offered load past capacity, it
 * reads the same, lambda x S / c from the run's own offered rate, next to the measured utilisation.
 */
class LessonFormulasTest {
    private static final Pattern RHO = Pattern.compile("\u03c1 \\(offered load / capacity\\) = .* = ([0-9.]+)");
    private static final Pattern UTIL = Pattern.compile("utilisation \\(busy workers / workers\\) = .* = ([0-9.]+)");

    @Test
    void rhoIsOfferedLoadOverCapacityWhetherStuckOrShedding() {
        for (String preset : List.of("goodput-collapse.json", "load-shedding.json")) {
            Scenario s = PresetCatalog.bundled(preset);
            List<IntervalSnapshot> run = BatchRunner.run(s, List.of(), true).intervals();
            RollingWindow w = new RollingWindow(10);
            long offered = 0;
            long attempts = 0;
            double seconds = 0;
            for (IntervalSnapshot snap : run.subList(run.size() - 10, run.size())) {
                w.add(snap);
                offered += snap.offered();
                attempts += snap.attempts();
                seconds += snap.seconds();
            }
            var service = s.services().get(0);
            double capacity = Math.min(service.workersPerHost(), service.effectiveCores()) * service.hosts()
                    / (service.serviceTimeMillis() / 1000 * s.clients().get(0).sizeMean());
            double expected = offered / seconds / capacity;
            String text = LessonFormulas.describe(s, w);
            double rho = number(RHO, text);
            assertEquals(expected, rho, 0.006, preset + ": rho = offered rate / capacity (to the 2 decimals shown): "
                    + text);
            assertTrue(rho > 0.95 && rho < 1.15, preset + ": the ramp ends near 415/s on a 400/s service: " + text);
            double utilisation = number(UTIL, text);
            assertTrue(utilisation > 0.9 && utilisation <= 1.0001, preset + ": the pool is full: " + text);
            if (preset.startsWith("goodput")) {
                assertTrue(attempts > 2 * offered, "retries more than double the attempts (" + attempts + " vs "
                        + offered + "), and rho does not count them");
            }
        }
    }

    /**
     * In one-thing-at-a-time half the requests go to a function: the totals are not the service's load, so rho and
     * the utilisation, which would read the function's traffic and sandboxes as the service's, are not shown.
     */
    @Test
    void rhoIsLeftOutWhenTheTotalsAreNotTheServicesLoad() {
        Scenario s = PresetCatalog.bundled("one-thing-at-a-time.json");
        RollingWindow w = new RollingWindow(10);
        List<IntervalSnapshot> run = BatchRunner.run(s.withDuration(5, 0), List.of(), true).intervals();
        run.subList(run.size() - 10, run.size()).forEach(w::add);
        String text = LessonFormulas.describe(s, w);
        assertTrue(text.startsWith("Little's law"), text);
        assertFalse(text.contains("\u03c1"), text);
        assertFalse(text.contains("utilisation"), text);
    }

    @Test
    void theDefinitionsAreStated() {
        assertTrue(LessonFormulas.DEFINITIONS.contains("offered load / capacity"));
        assertTrue(LessonFormulas.DEFINITIONS.contains("busy workers / workers"));
        assertTrue(LessonFormulas.DEFINITIONS.contains("retries not counted"));
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), "'" + p + "' in: " + text);
        return Double.parseDouble(m.group(1));
    }
}
