package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.QueueStats;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The quiet tenants under a noisy neighbour, by lane mapping. The shuffle-sharding preset: 1,000 tenants send 100
 * messages per second in all; at 20 s tenant 7 alone sends 400 per second, as much as the 8 workers behind the queue
 * can process. SHARED: every quiet message waits behind the noisy backlog, which grows by about 100 per second, so
 * nearly every quiet tenant is impacted (a message over 1 s old); after 40 s the backlog of about 4,000 is 10 s of
 * work, so a quiet tenant's largest age is several seconds (the later its last message, the older). FAIR:
 * the noisy tenant's messages beyond 10 waiting queue behind everyone's, so the quiet tenants see the pollers as if
 * the noisy tenant were not there. AUTO_ISOLATE: from the first whole second after it turns noisy (21 s), the noisy
 * tenant's messages join their own lane and pollers; the quiet ones wait only behind what it enqueued before.
 */
class FairAndIsolateTest {
    private static final int NOISY = 7;

    /** Quiet tenants impacted, their mean largest age (ms), and the noisy tenant's largest age (ms). */
    static double[] quiet(String mapping) throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "shuffle-sharding.json"));
        s = ParameterPaths.with(s, "queues.events.mapping", mapping);
        World w = new World(s);
        w.runUntil(s.durationMicros());
        w.queueSummaries().get("events").checkConservation("events");
        QueueStats q = w.queueStats("events");
        int impacted = 0;
        double ageSum = 0;
        for (int t = 0; t < q.tenants(); t++) {
            if (t != NOISY) {
                impacted += q.impactedSeconds(t) > 0 ? 1 : 0;
                ageSum += q.tenantAgeMaxMicros(t) / 1000.0;
            }
        }
        return new double[] {impacted, ageSum / (q.tenants() - 1), q.tenantAgeMaxMicros(NOISY) / 1000.0};
    }

    @Test
    void fairAndAutoIsolateSpareTheQuietTenants() throws Exception {
        double[] shared = quiet("SHARED");
        double[] fair = quiet("FAIR");
        double[] isolate = quiet("AUTO_ISOLATE");
        String table = String.format(java.util.Locale.ROOT,
                "impacted quiet tenants / mean largest age ms / noisy largest age ms: SHARED %.0f / %.0f / %.0f, "
                        + "FAIR %.0f / %.0f / %.0f, AUTO_ISOLATE %.0f / %.0f / %.0f", shared[0], shared[1],
                shared[2], fair[0], fair[1], fair[2], isolate[0], isolate[1], isolate[2]);
        assertTrue(shared[0] > 900 && shared[1] > 3_000, "SHARED: nearly all quiet tenants wait seconds; " + table);
        assertEquals(0, fair[0], "FAIR: no quiet tenant is impacted; " + table);
        assertTrue(fair[1] < 100, "FAIR: quiet ages stay under 0.1 s; " + table);
        assertTrue(fair[2] > 5_000, "FAIR: the noisy tenant bears its own backlog; " + table);
        assertTrue(isolate[0] < shared[0] / 4 && isolate[1] < shared[1] / 10,
                "AUTO_ISOLATE: far fewer impacted and far younger; " + table);
        assertTrue(isolate[2] > 5_000, "AUTO_ISOLATE: the noisy tenant bears its own backlog; " + table);
    }
}
