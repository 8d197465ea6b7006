package lab.overload.engine.component;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.platform.Sandbox;
import lab.overload.engine.component.platform.SandboxCensus;
import lab.overload.engine.component.platform.ThrottleCause;
import lab.overload.engine.component.platform.WorkerManagers;
import lab.overload.models.scenario.FunctionSpec;
import lab.overload.models.scenario.PlatformSpec;
import lab.overload.models.scenario.Scenario;

/**
 * The account the functions run on: its concurrency limits and its worker managers. An invoke of a function with
 * reserved concurrency r is throttled (RESERVED_CONCURRENCY) while the function runs r invokes; an invoke of a function
 * without one is throttled (ACCOUNT_CONCURRENCY) while the unreserved functions together run
 * {@code concurrencyLimit - sum of reservations} invokes. An invoke counts from its cold start's placement, or its warm
 * start, until its work ends. A new sandbox takes a worker-manager slot ({@link WorkerManagers}); when every slot is
 * taken, the least recently used idle sandbox of any function is evicted to make room; a provisioned sandbox is never
 * evicted (nor does it expire), so with every slot held by busy, initialising or provisioned sandboxes the invoke is
 * throttled for capacity. Gauges {@code platform.NAME.concurrency} (invokes in progress over every
 * function) and {@code .concurrencyLimit}.
 */
final class Platform implements Reconfigurable {
    PlatformSpec spec;
    final WorkerManagers workerManagers;
    /** Its sandboxes by worker manager, function and state (sealed into each interval, summed in the summary). */
    final SandboxCensus census;
    final List<Function> functions = new ArrayList<>();
    private long reserved;
    private long unreservedInUse;

    Platform(PlatformSpec spec, List<String> functionNames, lab.overload.engine.metrics.Recorder recorder,
             long warmupMicros) {
        this.spec = spec;
        this.workerManagers = new WorkerManagers(spec.workerManagers(), spec.slotsPerWorkerManager());
        this.census = new SandboxCensus(spec.name(), functionNames, spec.workerManagers(), warmupMicros);
        recorder.platform(census::seal, census::summary);
        recorder.gauge("platform." + spec.name() + ".concurrency", this::concurrency);
        recorder.gauge("platform." + spec.name() + ".concurrencyLimit", () -> this.spec.concurrencyLimit());
    }

    /** Invokes in progress over every function of the account. */
    private long concurrency() {
        long n = 0;
        for (Function f : functions) {
            n += f.concurrency;
        }
        return n;
    }

    /** The cause that refuses a new invoke of {@code f} now, or null when its limits allow it. */
    ThrottleCause admit(Function f) {
        int r = f.spec.reservedConcurrency();
        if (r > 0) {
            return f.concurrency >= r ? ThrottleCause.RESERVED_CONCURRENCY : null;
        }
        return unreservedInUse >= unreservedPool() ? ThrottleCause.ACCOUNT_CONCURRENCY : null;
    }

    /** Concurrency the functions without a reservation share. */
    long unreservedPool() {
        return spec.concurrencyLimit() - reserved;
    }

    /** {@code f} started (+1) or ended (-1) an invoke. */
    void concurrencyChanged(Function f, int delta) {
        f.concurrency += delta;
        if (f.spec.reservedConcurrency() == 0) {
            unreservedInUse += delta;
        }
    }

    /** A worker manager for a new sandbox of {@code f}, evicting the least recently used idle
     * on-demand sandbox if needed. */
    int place(Function f, long now) {
        int wm = workerManagers.place(f.index);
        if (wm >= 0) {
            return wm;
        }
        Function victimOwner = null;
        Sandbox victim = null;
        for (Function g : functions) {
            Sandbox s = g.evictable();
            if (s != null && (victim == null || s.lastUsedMicros < victim.lastUsedMicros)) {
                victim = s;
                victimOwner = g;
            }
        }
        if (victim == null) {
            return -1;
        }
        victimOwner.remove(victim, now, "evicted");
        return workerManagers.place(f.index);
    }

    @Override
    public void reconfigure(Scenario next, long nowMicros) {
        spec = next.account();
        workerManagers.setSlots(spec.slotsPerWorkerManager());
        recount(next, nowMicros);
    }

    /** Recomputes the reservations and the unreserved use after a change of any function or of the account. */
    void recount(Scenario next, long nowMicros) {
        reserved = 0;
        unreservedInUse = 0;
        for (FunctionSpec fs : next.functions()) {
            reserved += fs.reservedConcurrency();
        }
        for (Function f : functions) {
            if (f.spec.reservedConcurrency() == 0) {
                unreservedInUse += f.concurrency;
            }
            f.metrics.setWorkers(nowMicros, f.capacity());
        }
    }
}
