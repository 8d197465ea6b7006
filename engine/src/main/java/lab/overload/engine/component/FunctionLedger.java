package lab.overload.engine.component;

import java.util.EnumMap;
import java.util.Map;
import lab.overload.engine.component.platform.Sandbox;
import lab.overload.engine.component.platform.StepArea;
import lab.overload.engine.component.platform.ThrottleCause;
import lab.overload.engine.metrics.Counter;
import lab.overload.engine.metrics.Recorder;
import lab.overload.engine.metrics.WorkClass;

/**
 * A function's own counts and sandbox-seconds: invokes (warm, cold, throttled by cause, as counters of the recorder),
 * the sandboxes in each state over time (gauges, and time integrals over the run and the measured period), and every
 * sandbox-second of the run in exactly one class: init (placement and initialisation), useful, wasted or abandoned
 * (an invoke's work, by how it ended), idle (warm, no work). Time in a state not yet left is "in progress".
 */
final class FunctionLedger {
    final Counter invokes;
    final Counter warm;
    final Counter cold;
    private final Map<ThrottleCause, Counter> throttled = new EnumMap<>(ThrottleCause.class);
    final StepArea sandboxes;
    final StepArea initializing;
    final StepArea busy;
    final StepArea idle;
    /** Invokes in progress: initialising plus busy sandboxes. */
    final StepArea concurrency;
    private long initMicros;
    private long idleMicros;
    private final long[] workMicros = new long[WorkClass.values().length];

    FunctionLedger(Recorder recorder, String prefix, long warmupMicros) {
        invokes = recorder.counter(prefix + "invokes");
        warm = recorder.counter(prefix + "invokesWarm");
        cold = recorder.counter(prefix + "invokesCold");
        for (ThrottleCause c : ThrottleCause.values()) {
            if (c != ThrottleCause.API_RATE) {
                String n = c.metricName();
                throttled.put(c, recorder.counter(prefix + "throttled" + Character.toUpperCase(n.charAt(0))
                        + n.substring(1)));
            }
        }
        sandboxes = new StepArea(warmupMicros);
        initializing = new StepArea(warmupMicros);
        busy = new StepArea(warmupMicros);
        idle = new StepArea(warmupMicros);
        concurrency = new StepArea(warmupMicros);
        recorder.gauge(prefix + "sandboxes", sandboxes::value);
        recorder.gauge(prefix + "sandboxesBusy", busy::value);
        recorder.gauge(prefix + "sandboxesIdle", idle::value);
        recorder.gauge(prefix + "sandboxesInitializing", initializing::value);
    }

    void throttled(ThrottleCause cause, boolean measuring) {
        throttled.get(cause).add(measuring);
    }

    /** Measured-period throttles of that cause. */
    long throttledTotal(ThrottleCause cause) {
        return throttled.get(cause).measuredTotal();
    }

    void enter(int state, long now) {
        area(state).add(now, 1);
        if (state != Sandbox.IDLE) {
            concurrency.add(now, 1);
        }
    }

    /** A sandbox left a state after {@code micros} in it; init and idle time are credited here, work when it ends. */
    void leave(int state, long micros, long now) {
        area(state).add(now, -1);
        if (state != Sandbox.IDLE) {
            concurrency.add(now, -1);
        }
        if (state == Sandbox.INITIALIZING) {
            initMicros += micros;
        } else if (state == Sandbox.IDLE) {
            idleMicros += micros;
        }
    }

    void workEnded(WorkClass workClass, long micros) {
        workMicros[workClass.ordinal()] += micros;
    }

    private StepArea area(int state) {
        return switch (state) {
            case Sandbox.INITIALIZING -> initializing;
            case Sandbox.BUSY -> busy;
            default -> idle;
        };
    }

    /** Sandbox-seconds of the whole run up to now, by class; "inProgress" is time in states not yet left. */
    Map<String, Double> sandboxSeconds(long now, long inProgressMicros) {
        return Map.of("init", initMicros / 1e6, "useful", workMicros[WorkClass.USEFUL.ordinal()] / 1e6,
                "wasted", workMicros[WorkClass.WASTED.ordinal()] / 1e6,
                "abandoned", workMicros[WorkClass.ABANDONED.ordinal()] / 1e6, "idle", idleMicros / 1e6,
                "inProgress", inProgressMicros / 1e6, "total", sandboxes.areaMicros(now) / 1e6);
    }

    /** Its counts and levels now (measured period), with the run's sandbox-seconds by class. */
    FunctionStats stats(String name, long now, long inProgressMicros, int[][] byWorkerManager) {
        Map<String, Long> throttles = new java.util.LinkedHashMap<>();
        for (Map.Entry<ThrottleCause, Counter> e : throttled.entrySet()) {
            throttles.put(e.getKey().metricName(), e.getValue().measuredTotal());
        }
        return new FunctionStats(name, invokes.measuredTotal(), warm.measuredTotal(), cold.measuredTotal(), throttles,
                concurrency.measuredMean(now), concurrency.measuredMax(now), sandboxes.measuredMean(now),
                busy.measuredMean(now), idle.measuredMean(now), initializing.measuredMean(now),
                sandboxes.measuredMax(now), sandboxSeconds(now, inProgressMicros), byWorkerManager);
    }
}
