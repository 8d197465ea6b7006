package lab.overload.engine.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import lab.overload.engine.component.World;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;

/**
 * The {@code lanes} case of {@link EngineBench}: 10,000 tenants send about 20,000 messages per second to a queue of
 * 100 shuffle-sharded lanes with hands of 5 (two pollers per lane, parked when idle), which invokes a service of 300
 * workers (5 ms mean work). Tenant 7 is noisy throughout: a rate multiplier of 2,500, about 4,000 messages per
 * second, twice what the 10 pollers of its hand take, so its lanes fill up to the backpressure depth of 10,000 and
 * the rest of its messages are refused (a bounded backlog, as a long run needs). The tenants' rates: 16,000 per
 * second times the mean multiplier (9,999 + 2,500) / 10,000 = 1.25.
 *
 * <p>{@link #main} is the memory probe: it runs the case for the given simulated seconds and prints the heap in use
 * after a collection every simulated ten minutes (a sixth of shorter runs), to show that memory stays flat (run it with {@code -Xmx256m}).
 */
public final class LanesBench {
    /** Messages per second offered in all (16,000 x 1.25). */
    public static final double MESSAGES_PER_SECOND = 20_000;

    private LanesBench() {
    }

    /** The case for the given simulated duration (no warm-up). */
    public static Scenario scenario(double durationSeconds) {
        return ScenarioCodec.read(String.format(Locale.ROOT, "{\"name\": \"bench lanes\", \"seed\": 42, "
                + "\"durationSeconds\": %s, \"warmupSeconds\": 0, \"intervalMillis\": 100, "
                + "\"clients\": [{\"name\": \"apps\", \"target\": \"events\", \"ratePerSecond\": 16000, "
                + "\"timeoutKind\": \"NONE\", \"tenants\": {\"count\": 10000, "
                + "\"overrides\": {\"7\": {\"rateMultiplier\": 2500}}}}], "
                + "\"services\": [{\"name\": \"workers\", \"workersPerHost\": 300, \"queueCapacity\": 1000, "
                + "\"serviceTimeDistribution\": \"EXPONENTIAL\", \"serviceTimeMillis\": 5}], "
                + "\"queues\": [{\"name\": \"events\", \"target\": \"workers\", \"mapping\": \"SHUFFLE_SHARD\", "
                + "\"laneCount\": 100, \"handSize\": 5, \"pollersPerLane\": 2, \"backpressureDepth\": 10000}]}",
                Double.toString(durationSeconds)));
    }

    /**
     * {@code LanesBench [simulatedSeconds]} (default 3600): the heap in use after a collection at every simulated ten
     * minutes (a sixth of a shorter run), and the run's totals.
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3600;
        Scenario s = scenario(seconds);
        World w = new World(s);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "max heap %.0f MB%n", Runtime.getRuntime().maxMemory() / 1e6);
        long step = Math.min(600_000_000L, s.durationMicros() / 6);
        long t0 = System.nanoTime();
        for (long t = step; t <= s.durationMicros(); t += step) {
            w.runUntil(t);
            System.gc();
            System.out.printf(Locale.ROOT, "sim %5.0f s  heap used after GC %6.1f MB  wall %6.1f s%n", t / 1e6,
                    memory.getHeapMemoryUsage().getUsed() / 1e6, (System.nanoTime() - t0) / 1e9);
        }
        var q = w.queueSummaries().get("events");
        System.out.printf(Locale.ROOT, "messages enqueued %d, processed %d, refused %d, in queue %d%n", q.enqueued(),
                q.processed(), q.throttled(), q.inQueue());
    }
}
