package lab.overload.app.curve;

import java.util.List;
import lab.overload.engine.run.Sweep;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;

/**
 * The sweep behind a tipping-point curve: the first client's load from about 5% to 150% of an estimated capacity,
 * in {@link #STEPS} steps, each a steady-state run of 30 s sim time after 10 s of warm-up.
 *
 * <p>Capacity estimate of the first client's target service, in requests per second:
 * {@code hosts × min(workersPerHost, cores) / (serviceTimeMillis × sizeMean / 1000)} (the work a request brings
 * scales with its size). Contention (USL σ, κ) and retries make the real peak lower, which is what the curve shows.
 * An open-loop client sweeps {@code ratePerSecond} over that range; a closed-loop client sweeps {@code users}, whole
 * numbers around the population that offers that load by Little's law:
 * {@code users ≈ capacity × (thinkTime + serviceTime)}. Very high loads shorten the runs (at most about
 * {@link #MAX_REQUESTS} requests at the top step) and very low ones lengthen them (up to 120 s), so a sweep stays quick
 * and still sees enough requests.
 *
 * <p>Measured at one stage ({@code stage}, e.g. a function or an API of a platform; empty for the totals), the curve
 * sweeps the load of the client group that calls that stage, directly or through an API ({@link #feedingClient}),
 * around the stage's own capacity, and reads the stage's goodput against its load ({@link
 * lab.overload.engine.run.StagePoint}).
 */
public record CurvePlan(String path, boolean closedLoop, double from, double to, int steps, double durationSeconds,
                        double warmupSeconds, double capacityPerSecond, String stage) {
    public static final int STEPS = 16;
    public static final double FROM_SHARE = 0.05;
    public static final double TO_SHARE = 1.5;
    public static final double DURATION_SECONDS = 30;
    public static final double WARMUP_SECONDS = 10;
    static final double MAX_REQUESTS = 240_000;
    static final double MIN_REQUESTS = 3_000;
    static final double MAX_DURATION_SECONDS = 120;
    static final double MIN_DURATION_SECONDS = 6;

    /** The plan for a scenario's current settings, measuring the totals. */
    public static CurvePlan of(Scenario scenario) {
        return of(scenario, "");
    }

    /**
     * The plan for a scenario's current settings, measured at {@code stage} (empty: the totals, sweeping the first
     * client). Throws IllegalArgumentException naming the stage when no client group calls it.
     */
    public static CurvePlan of(Scenario scenario, String stage) {
        ClientSpec client = feedingClient(scenario, stage);
        double capacity = stage.isEmpty() ? capacityPerSecond(scenario)
                : capacityPerSecond(scenario, stage, client.sizeMean());
        String path = sweptPath(scenario, stage);
        FieldDef def = ParameterPaths.def(scenario, path);
        double topRate = TO_SHARE * capacity;
        double duration = DURATION_SECONDS;
        if (topRate * duration > MAX_REQUESTS) {
            duration = Math.max(MIN_DURATION_SECONDS, MAX_REQUESTS / topRate);
        } else if (topRate * duration < MIN_REQUESTS) {
            duration = Math.min(MAX_DURATION_SECONDS, MIN_REQUESTS / Math.max(topRate, 1e-9));
        }
        double warmup = duration * WARMUP_SECONDS / DURATION_SECONDS;
        if (client.loop() == LoopKind.CLOSED) {
            double cycleSeconds = client.thinkTimeMillis() / 1000
                    + workSeconds(scenario, client.target(), client.sizeMean());
            double users = capacity * cycleSeconds;
            long lo = clampLong(Math.round(FROM_SHARE * users), Math.max(1, (long) def.min()), (long) def.max());
            long hi = clampLong(Math.round(TO_SHARE * users), lo, (long) def.max());
            int steps = (int) Math.min(STEPS, hi - lo + 1);
            long step = steps <= 1 ? 0 : (hi - lo + steps - 2) / (steps - 1);
            while (steps > 1 && lo + step * (steps - 1) > def.max()) {
                steps--;
            }
            return new CurvePlan(path, true, lo, lo + step * (steps - 1), steps, duration, warmup, capacity, stage);
        }
        double lo = clamp(FROM_SHARE * capacity, def.min(), def.max());
        double hi = clamp(topRate, lo, def.max());
        return new CurvePlan(path, false, lo, hi, hi > lo ? STEPS : 1, duration, warmup, capacity, stage);
    }

    /** The path a curve sweeps: the first client's rate (open loop) or number of users (closed loop). */
    public static String sweptPath(Scenario scenario) {
        return sweptPath(scenario, "");
    }

    /** The path a curve measured at {@code stage} sweeps: the load of the client group that calls it. */
    public static String sweptPath(Scenario scenario, String stage) {
        ClientSpec client = feedingClient(scenario, stage);
        return "clients." + client.name() + (client.loop() == LoopKind.CLOSED ? ".users" : ".ratePerSecond");
    }

    /**
     * The client group whose load a curve at {@code stage} sweeps: the first that targets the stage, else the first
     * that targets an API in front of it; with no stage, the first client. Throws IllegalArgumentException naming the
     * stage when no client group calls it.
     */
    public static ClientSpec feedingClient(Scenario scenario, String stage) {
        if (stage.isEmpty()) {
            return scenario.clients().get(0);
        }
        for (ClientSpec c : scenario.clients()) {
            if (c.target().equals(stage)) {
                return c;
            }
        }
        for (ClientSpec c : scenario.clients()) {
            var api = scenario.api(c.target());
            if (api != null && api.target().equals(stage)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no client group calls stage '" + stage + "', directly or through an API");
    }

    /**
     * The stages a curve can be measured at: the functions and APIs a client group calls, directly or through an API,
     * in the scenario's order (empty without functions and APIs).
     */
    public static List<String> measurableStages(Scenario scenario) {
        List<String> out = new java.util.ArrayList<>();
        scenario.apis().forEach(a -> out.add(a.name()));
        scenario.functions().forEach(f -> out.add(f.name()));
        return out.stream().filter(n -> {
            try {
                feedingClient(scenario, n);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).toList();
    }

    /** Estimated capacity of the first client's target service, in requests per second (see the class doc). */
    public static double capacityPerSecond(Scenario scenario) {
        ClientSpec client = scenario.clients().get(0);
        return capacityPerSecond(scenario, client.target(), client.sizeMean());
    }

    /**
     * Capacity of a stage for requests of that size: a service's hosts x min(workers, cores) / service time; a
     * function's concurrency cap (its reservation, else the account's unreserved pool) / its duration; an API's
     * rate, or its target's capacity when that is lower.
     */
    private static double capacityPerSecond(Scenario scenario, String stage, double size) {
        ServiceSpec s = scenario.service(stage);
        if (s != null) {
            return s.hosts() * (double) Math.min(s.workersPerHost(), s.effectiveCores())
                    / workSeconds(scenario, stage, size);
        }
        var api = scenario.api(stage);
        if (api != null) {
            return Math.min(api.ratePerSecond(), capacityPerSecond(scenario, api.target(), size));
        }
        var f = scenario.function(stage);
        long reserved = scenario.functions().stream().mapToLong(x -> x.reservedConcurrency()).sum();
        long cap = f.reservedConcurrency() > 0 ? f.reservedConcurrency()
                : scenario.account().concurrencyLimit() - reserved;
        return cap / workSeconds(scenario, stage, size);
    }

    /** Mean work of one request of that size at a stage (an API adds none to its target's), in seconds. */
    private static double workSeconds(Scenario scenario, String stage, double size) {
        ServiceSpec s = scenario.service(stage);
        if (s != null) {
            return s.serviceTimeMillis() * size / 1000;
        }
        var api = scenario.api(stage);
        if (api != null) {
            return workSeconds(scenario, api.target(), size);
        }
        var f = scenario.function(stage);
        return f.durationMillis() * f.cpuSlowdown() * size / 1000;
    }

    /**
     * What a curve depends on: the scenario with the swept load set to a fixed value and the timeline dropped, so
     * two scenarios with equal keys have the same curve (a load ramp or a load slider does not call for a new one).
     */
    public static Scenario settingsKey(Scenario scenario) {
        return settingsKey(scenario, "");
    }

    /** The settings key of a curve measured at {@code stage}: its swept client's load fixed, no timeline. */
    public static Scenario settingsKey(Scenario scenario, String stage) {
        String path = sweptPath(scenario, stage);
        Scenario s = ParameterPaths.with(scenario, path, ParameterPaths.def(scenario, path).min());
        return Records.with(s, "timeline", List.of());
    }

    /** The engine's sweep plan: one replication, seeded with the scenario's seed, steady state, at the stage. */
    public Sweep.Plan sweepPlan(long seed) {
        return new Sweep.Plan(path, from, to, steps, 1, seed, durationSeconds, warmupSeconds, Sweep.TimelineMode.DROP,
                stage);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static long clampLong(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
