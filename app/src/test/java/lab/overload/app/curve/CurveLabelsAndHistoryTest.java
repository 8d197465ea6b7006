package lab.overload.app.curve;

import static lab.overload.app.curve.Fixtures.COLLAPSE;
import static lab.overload.app.curve.Fixtures.SHEDDING;
import static lab.overload.app.curve.Fixtures.curve;
import static lab.overload.app.curve.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurveLabelsAndHistoryTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                                                                  | preset",
        "clients.web.ratePerSecond=380                                     | preset",
        "services.api.workersPerHost=8,services.api.queueCapacity=16       | workersPerHost 8, queueCapacity 16",
        "clients.web.retry.maxAttempts=1                                   | retry.maxAttempts 1",
        "services.api.expiredWork=DROP_AT_DEQUEUE                          | expiredWork DROP_AT_DEQUEUE",
        "clients.web.timeoutMillis=500,services.api.hosts=2,services.api.workersPerHost=8,services.api.queueCapacity=16"
            + " | timeoutMillis 500, hosts 2, workersPerHost 8 +1 more"})
    void labelsNameTheParametersThatDifferFromThePreset(String changes, String expected) {
        Scenario s = COLLAPSE;
        if (changes != null) {
            for (String change : changes.split(",")) {
                String[] kv = change.split("=");
                s = with(s, kv[0], kv[1]);
            }
        }
        assertEquals(expected, CurveLabels.describe(COLLAPSE, s));
    }

    @Test
    void theSeedCountsAndGroupsStayWhenThereAreSeveral() {
        assertEquals(List.of("seed 7"), CurveLabels.differences(COLLAPSE, COLLAPSE.withSeed(7)));
        assertEquals("api.workersPerHost", CurveLabels.shortName("services.api.workersPerHost", true));
        assertEquals("retry.maxAttempts", CurveLabels.shortName("clients.web.retry.maxAttempts", false));
    }

    @Test
    void aCurveOfAnotherPresetCarriesThePresetsName() {
        Curve preset = curve(CurveLabels.PRESET, COLLAPSE, 260);
        Curve changed = curve("retry.maxAttempts 1", COLLAPSE, 260);
        assertEquals("preset", preset.displayLabel(COLLAPSE.name()));
        assertEquals("Goodput collapse", preset.displayLabel(SHEDDING.name()));
        assertEquals("Goodput collapse: retry.maxAttempts 1", changed.displayLabel(SHEDDING.name()));
    }

    @Test
    void newSettingsTurnTheCurrentCurveIntoAGhostAndGhostsAreCappedAtFour() {
        CurveHistory h = new CurveHistory();
        assertFalse(h.accept(curve("preset", COLLAPSE, 260)), "the first curve has nothing to push");
        assertFalse(h.accept(curve("preset", with(COLLAPSE, "clients.web.ratePerSecond", "300"), 261)),
                "the same settings at another load: a recompute replaces the curve");
        assertTrue(h.ghosts().isEmpty());
        String[][] steps = {
            {"services.api.workersPerHost", "8"},
            {"services.api.queueCapacity", "16"},
            {"clients.web.retry.maxAttempts", "1"},
            {"services.api.expiredWork", "DROP_AT_DEQUEUE"},
            {"clients.web.timeoutMillis", "2000"}};
        Scenario s = COLLAPSE;
        for (String[] step : steps) {
            s = with(s, step[0], step[1]);
            assertTrue(h.accept(curve(CurveLabels.describe(COLLAPSE, s), s, 300)));
        }
        assertEquals(CurveHistory.MAX_GHOSTS, h.ghosts().size(), "at most four ghosts");
        assertEquals("timeoutMillis 2000, retry.maxAttempts 1, workersPerHost 8 +2 more", h.current().label(),
                "clients' parameters first, then the services', in field order");
        assertEquals(List.of("retry.maxAttempts 1, workersPerHost 8, queueCapacity 16 +1 more",
                "retry.maxAttempts 1, workersPerHost 8, queueCapacity 16", "workersPerHost 8, queueCapacity 16",
                "workersPerHost 8"), h.ghosts().stream().map(Curve::label).toList(),
                "newest ghost first; the preset's curve, the oldest, was dropped");
    }

    @Test
    void goingBackToAGhostsSettingsTakesItOffTheGhostList() {
        CurveHistory h = new CurveHistory();
        Curve preset = curve("preset", COLLAPSE, 260);
        h.accept(preset);
        Scenario eight = with(COLLAPSE, "services.api.workersPerHost", "8");
        h.accept(curve("workersPerHost 8", eight, 370));
        assertSame(preset, h.ghosts().get(0));
        h.accept(curve("preset", COLLAPSE, 262));
        assertEquals(List.of("workersPerHost 8"), h.ghosts().stream().map(Curve::label).toList(),
                "the preset's old curve is not kept as a ghost of itself");
        h.clearGhosts();
        assertTrue(h.ghosts().isEmpty());
        assertEquals(262, h.current().peakGoodputPerSecond(), 1e-9);
    }
}
