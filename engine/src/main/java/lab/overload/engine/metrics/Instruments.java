package lab.overload.engine.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * What policies and components register with the recorder to be read at each interval seal: named counters of policy
 * events (also totalled over the measured period), named gauges of policy state, the lanes of queues and the
 * account's sandboxes (with the summary's {@code platform} block). Single writer (the simulation thread).
 */
final class Instruments {
    private final List<Counter> counters = new ArrayList<>();
    /** The counters' names in registration order (an immutable set, shared by every snapshot). */
    private Set<String> counterNames = Set.of();
    private final List<String> gaugeNames = new ArrayList<>();
    private final List<DoubleSupplier> gauges = new ArrayList<>();
    private final List<String> laneNames = new ArrayList<>();
    private final List<Supplier<LaneInterval>> laneSamplers = new ArrayList<>();
    private Supplier<PlatformInterval> platformSampler = () -> PlatformInterval.NONE;
    private boolean platformSet;
    private LongFunction<Map<String, Object>> platformSummary = end -> Map.of();

    Counter counter(String name) {
        Counter c = new Counter(name);
        counters.add(c);
        Set<String> names = new LinkedHashSet<>(counterNames);
        names.add(name);
        counterNames = Collections.unmodifiableSet(names);
        return c;
    }

    void gauge(String name, DoubleSupplier value) {
        gaugeNames.add(name);
        gauges.add(value);
    }

    void lanes(String queue, Supplier<LaneInterval> sampler) {
        laneNames.add(queue);
        laneSamplers.add(sampler);
    }

    void platform(Supplier<PlatformInterval> sampler, LongFunction<Map<String, Object>> summaryBlock) {
        platformSampler = sampler;
        platformSummary = summaryBlock;
        platformSet = true;
    }

    /** Nothing is registered: a seal has no counter to clear, no gauge to read, no lanes or sandboxes to sample. */
    boolean isEmpty() {
        return counters.isEmpty() && gauges.isEmpty() && laneNames.isEmpty() && !platformSet;
    }

    Map<String, Long> counterTotals() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Counter c : counters) {
            out.put(c.name(), c.measured);
        }
        return out;
    }

    Set<String> counterNames() {
        return counterNames;
    }

    /** The gauges now and the counters' interval counts, which it clears: the snapshot's {@code policy}. */
    Map<String, Double> sealPolicy() {
        if (counters.isEmpty() && gauges.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < gauges.size(); i++) {
            m.put(gaugeNames.get(i), gauges.get(i).getAsDouble());
        }
        for (Counter c : counters) {
            m.put(c.name(), (double) c.interval);
            c.interval = 0;
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * {@link #sealPolicy} for an interval nobody reads: reads every gauge (some are means since their last reading, and
     * restart when read) and clears the counters' interval counts, without making the map.
     */
    void sealPolicyUnread() {
        for (DoubleSupplier g : gauges) {
            g.getAsDouble();
        }
        for (Counter c : counters) {
            c.interval = 0;
        }
    }

    /** Every queue's lanes sampled now, by queue. */
    Map<String, LaneInterval> sealLanes() {
        if (laneNames.isEmpty()) {
            return Map.of();
        }
        Map<String, LaneInterval> out = new LinkedHashMap<>();
        for (int i = 0; i < laneNames.size(); i++) {
            out.put(laneNames.get(i), laneSamplers.get(i).get());
        }
        return Collections.unmodifiableMap(out);
    }

    PlatformInterval samplePlatform() {
        return platformSampler.get();
    }

    /** The summary's {@code platform} block at an end time (empty without functions). */
    Map<String, Object> platformSummary(long endMicros) {
        return platformSummary.apply(endMicros);
    }
}
