package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.overload.engine.component.World;
import lab.overload.models.json.ScenarioCodec;
import org.junit.jupiter.api.Test;

/**
 * A parameter change reaches the component its path's owner names, section and name together: a client group and
 * a service may share a name (version-1 files could do so), and each change still reaches the right one.
 */
class ChangeRoutingTest {
    /** Client "web" sends 100/s to service "web": one worker, no queue, 100 ms constant work. */
    private static World world() {
        return new World(ScenarioCodec.read("""
                {"name": "same names", "seed": 7, "durationSeconds": 60,
                 "clients": [{"name": "web", "target": "web", "ratePerSecond": 100, "timeoutMillis": 5000}],
                 "services": [{"name": "web", "workersPerHost": 1, "queueCapacity": 0,
                               "serviceTimeDistribution": "CONSTANT", "serviceTimeMillis": 100}]}
                """));
    }

    @Test
    void aServiceChangeReachesTheServiceAndAClientChangeTheClient() {
        World world = world();
        world.runUntil(2_000_000);
        assertEquals(1, world.busyWorkers(), "one worker, kept busy by 100/s of 100 ms work");
        world.apply("services.web.workersPerHost", "50");
        world.runUntil(4_000_000);
        int busy = world.busyWorkers();
        assertTrue(busy > 1, "the service took the new worker count: " + busy + " busy");
        world.apply("clients.web.ratePerSecond", "0");
        world.runUntil(6_000_000);
        assertEquals(0, world.busyWorkers(), "the client stopped sending; the last work ended 100 ms after it");
        assertEquals(50, world.scenario().service("web").workersPerHost());
        assertEquals(0, world.scenario().client("web").ratePerSecond());
    }
}
