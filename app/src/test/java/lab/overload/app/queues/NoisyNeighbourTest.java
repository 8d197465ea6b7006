package lab.overload.app.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Which tenant the noisy-neighbour switch sets and to what: the noisiest override now, else the tenant the timeline
 * makes noisy, else tenant 0 at four times the rest of its group; none for a queue with a single tenant.
 */
class NoisyNeighbourTest {
    private static final Scenario SHARDING = PresetCatalog.bundled("shuffle-sharding.json");
    private static final String SEVEN = "clients.apps.tenants.overrides.7.rateMultiplier";

    @Test
    void theTimelinesNoisyTenantAtItsValueAndBackToOne() {
        NoisyNeighbour n = NoisyNeighbour.of(SHARDING, "events").orElseThrow();
        assertEquals(SEVEN, n.path());
        assertFalse(n.isOn(SHARDING), "at t = 0 tenant 7 is quiet");
        assertEquals("4000", n.toggledValue(SHARDING));
        Scenario on = ParameterPaths.with(SHARDING, n.path(), n.toggledValue(SHARDING));
        NoisyNeighbour now = NoisyNeighbour.of(on, "events").orElseThrow();
        assertTrue(now.isOn(on));
        assertEquals(SEVEN, now.path());
        assertEquals("1", now.toggledValue(on));
    }

    @Test
    void theNoisiestOverrideNowWinsOverTheTimeline() {
        Scenario s = ParameterPaths.with(SHARDING, "clients.apps.tenants.overrides.12.rateMultiplier", "50");
        NoisyNeighbour n = NoisyNeighbour.of(s, "events").orElseThrow();
        assertEquals(12, n.tenant());
        assertEquals("1", n.toggledValue(s));
    }

    @Test
    void withoutAnyNoisyTenantTenantZeroAtFourTimesTheRestAndNoneForOneTenant() {
        Scenario s = ParameterPaths.with(SHARDING, "clients.apps.tenants.count", "51");
        Scenario noTimeline = new Scenario(s.schemaVersion(), s.name(), s.description(), s.lesson(), s.seed(),
                s.durationSeconds(), s.warmupSeconds(), s.intervalMillis(), s.clients(), s.services(), s.apis(), s.platform(),
                s.functions(), s.queues(), java.util.List.of());
        NoisyNeighbour n = NoisyNeighbour.of(noTimeline, "events").orElseThrow();
        assertEquals("clients.apps.tenants.overrides.0.rateMultiplier", n.path());
        assertEquals("200", n.toggledValue(noTimeline));
        assertTrue(NoisyNeighbour.of(PresetCatalog.bundled("queue-backlog.json"), "inbox").isEmpty());
    }
}
