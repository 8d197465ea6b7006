package lab.overload.engine.component;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.overload.engine.component.platform.InvokeDurations;

/**
 * The blocks a function adds to its {@code byStage.NAME} section of the summary (docs/summary-format.md):
 * {@code invocations} {total, warm, cold, throttled by cause}, {@code coldStartFraction} (cold / (warm + cold)),
 * {@code throttledFraction} (throttled / total), {@code sandboxes} {mean, busyMean, idleMean, initializingMean, max}
 * (time averages over the measured period; {@code mean} counts every existing sandbox), {@code platformConcurrency}
 * {mean, max} (invokes in progress as the limits count them: initialising plus busy sandboxes; the common
 * {@code concurrency} block counts busy ones, so that the stages' levels add up to the total's),
 * {@code durationMillis} {warm, cold} each {mean, p50, p99}, and
 * {@code sandboxSeconds}, the ledger of the whole run by class (adding up to its {@code total}).
 *
 * <p>Every summary checks the platform's conservation here, as {@code Summary.checkConservation} does the requests':
 * invokes = warm + cold + throttled, and the sandbox-second classes add up to the integral of the sandbox count
 * (to a relative 1e-9: they are sums of the same whole microseconds, in double precision).
 */
final class FunctionSummary {
    private FunctionSummary() {
    }

    static Map<String, Object> blocks(FunctionStats st, InvokeDurations durations) {
        check(st);
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> invocations = new LinkedHashMap<>();
        invocations.put("total", st.invokes());
        invocations.put("warm", st.warm());
        invocations.put("cold", st.cold());
        invocations.put("throttled", new LinkedHashMap<>(st.throttled()));
        m.put("invocations", invocations);
        m.put("coldStartFraction", st.coldStartFraction());
        m.put("throttledFraction", st.invokes() == 0 ? Double.NaN : (double) st.throttledTotal() / st.invokes());
        Map<String, Object> sandboxes = new LinkedHashMap<>();
        sandboxes.put("mean", st.sandboxesMean());
        sandboxes.put("busyMean", st.busyMean());
        sandboxes.put("idleMean", st.idleMean());
        sandboxes.put("initializingMean", st.initializingMean());
        sandboxes.put("max", st.sandboxesMax());
        m.put("sandboxes", sandboxes);
        Map<String, Object> concurrency = new LinkedHashMap<>();
        concurrency.put("mean", st.concurrencyMean());
        concurrency.put("max", st.concurrencyMax());
        m.put("platformConcurrency", concurrency);
        Map<String, Object> duration = new LinkedHashMap<>();
        duration.put("warm", durations.toMap(false));
        duration.put("cold", durations.toMap(true));
        m.put("durationMillis", duration);
        Map<String, Object> ledger = new LinkedHashMap<>();
        for (String k : new String[] {"useful", "wasted", "init", "abandoned", "idle", "inProgress", "total"}) {
            ledger.put(k, st.sandboxSeconds().get(k));
        }
        m.put("sandboxSeconds", ledger);
        return m;
    }

    /** Throws naming the function and the imbalance when its invokes or its sandbox-seconds do not add up. */
    static void check(FunctionStats st) {
        if (st.invokes() != st.warm() + st.cold() + st.throttledTotal()) {
            throw new IllegalStateException("function " + st.name() + ": invokes " + st.invokes() + " != warm "
                    + st.warm() + " + cold " + st.cold() + " + throttled " + st.throttledTotal());
        }
        Map<String, Double> sec = st.sandboxSeconds();
        double sum = sec.get("useful") + sec.get("wasted") + sec.get("init") + sec.get("abandoned") + sec.get("idle")
                + sec.get("inProgress");
        if (Math.abs(sum - sec.get("total")) > 1e-9 * Math.max(1, sec.get("total"))) {
            throw new IllegalStateException("function " + st.name() + ": sandbox-seconds by class add up to " + sum
                    + ", not the total " + sec.get("total"));
        }
    }
}
