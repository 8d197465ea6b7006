package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lab.overload.engine.run.MetastabilityDetector.Basis;
import lab.overload.engine.run.MetastabilityDetector.Settings;
import lab.overload.engine.run.MetastabilityDetector.Trigger;
import lab.overload.engine.run.MetastabilityDetector.TriggerReport;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

/**
 * Hysteresis of a metastable system: after a load spike knocked it over, how far must the offered load drop before it
 * comes back? For each candidate load on a grid from the base load (the scenario's value of the spiked
 * {@code clients.NAME.ratePerSecond}) down to {@code lowestFraction} of it, one batch run: the base load, the spike,
 * then, when the spike ends, the load set to the candidate instead of restored to the base. Each run is classified
 * by {@link MetastabilityDetector} on the share of offered requests that succeed ({@link Basis#SUCCESS_RATIO}, since
 * a healthy system at a lower load also has a lower goodput). The <em>recovery load</em> is the highest candidate at
 * which the system recovered; a metastable system's is below its base load.
 *
 * <p>Every run uses the scenario's seed (common random numbers), and the rows come back in grid order whatever the
 * number of threads, so the table is deterministic.
 */
public final class Hysteresis {
    /**
     * The grid and the detector settings.
     *
     * @param steps          candidate loads, 1 to 1000, from the base load down to lowestFraction of it
     * @param lowestFraction the lowest candidate as a share of the base load, in [0, 1]
     * @param settings       detector settings (the basis is always {@link Basis#SUCCESS_RATIO})
     */
    public record Plan(int steps, double lowestFraction, Settings settings) {
        public Plan {
            if (steps < 1 || steps > 1000) {
                throw new IllegalArgumentException("steps must be in [1, 1000], was " + steps);
            }
            if (!(lowestFraction >= 0 && lowestFraction <= 1)) {
                throw new IllegalArgumentException("lowestFraction must be in [0, 1], was "
                        + FieldDef.format(lowestFraction));
            }
            settings = (settings == null ? Settings.DEFAULTS : settings).withBasis(Basis.SUCCESS_RATIO);
        }

        /** Ten steps from the base load down to 10% of it, default detector settings. */
        public static Plan of(int steps) {
            return new Plan(steps, 0.1, Settings.DEFAULTS);
        }

        /**
         * The share of the base load of candidate {@code step} (step 0 is the base load itself); the candidate load
         * is the base load times this, to six significant digits (as the timeline applies values).
         */
        public double share(int step) {
            return steps == 1 ? 1 : 1 - (1 - lowestFraction) * step / (steps - 1);
        }
    }

    /** One candidate: the load set when the trigger ended and how the system did. */
    public record Row(int step, double load, double share, TriggerReport report) {
        public boolean recovered() {
            return report.recovered();
        }
    }

    /**
     * The table, in grid order (highest load first).
     *
     * @param recoveryLoad the highest candidate load at which the system recovered; NaN if it recovered at none
     */
    public record Result(Trigger trigger, String path, double baseLoad, Plan plan, List<Row> rows,
                         double recoveryLoad) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** The recovery load as a share of the base load; NaN if it recovered at no candidate. */
        public double recoveryShare() {
            return recoveryLoad / baseLoad;
        }

        /** Whether the system recovered at the base load itself (then there is no hysteresis to speak of). */
        public boolean recoversAtBaseLoad() {
            return !rows.isEmpty() && rows.get(0).share() == 1 && rows.get(0).recovered();
        }
    }

    private Hysteresis() {
    }

    /** Whether a path is an open-loop client load, {@code clients.NAME.ratePerSecond}. */
    public static boolean isLoadPath(String path) {
        return path.matches("clients\\.[^.]+\\.ratePerSecond");
    }

    /** The scenario's first trigger that is a load spike (on {@code clients.NAME.ratePerSecond}). */
    public static Trigger loadTrigger(Scenario scenario) {
        for (Trigger t : MetastabilityDetector.triggers(scenario)) {
            if (isLoadPath(t.path())) {
                return t;
            }
        }
        throw new IllegalArgumentException("the scenario has no load spike: no timeline change of "
                + "clients.NAME.ratePerSecond with holdSeconds > 0");
    }

    /** The scenario's value of the trigger's path: the load before and (without a change) after the spike. */
    public static double baseLoad(Scenario scenario, Trigger trigger) {
        return ParameterPaths.get(scenario, trigger.path());
    }

    /**
     * The scenario for one candidate: the trigger keeps its start (and ramp) but restores nothing; a step to
     * {@code load} is added at the trigger's end. Throws when the trigger is not a load spike of this scenario or
     * another timeline change touches the same path.
     */
    public static Scenario prepare(Scenario scenario, Trigger trigger, double load) {
        check(scenario, trigger);
        List<TimelineChange> timeline = new ArrayList<>(scenario.timeline());
        TimelineChange c = timeline.get(trigger.timelineIndex());
        timeline.set(trigger.timelineIndex(),
                new TimelineChange(c.atSeconds(), c.path(), c.value(), c.rampSeconds(), 0, c.label()));
        timeline.add(new TimelineChange(trigger.endMicros() / 1e6, trigger.path(), FieldDef.format(load), 0, 0,
                "load after the trigger"));
        return Records.with(scenario, "timeline", timeline);
    }

    private static void check(Scenario scenario, Trigger trigger) {
        if (!isLoadPath(trigger.path())) {
            throw new IllegalArgumentException("hysteresis needs a load spike on clients.NAME.ratePerSecond; the "
                    + "trigger changes " + trigger.path());
        }
        List<TimelineChange> timeline = scenario.timeline();
        int i = trigger.timelineIndex();
        if (i < 0 || i >= timeline.size() || !timeline.get(i).path().equals(trigger.path())
                || !(timeline.get(i).holdSeconds() > 0)) {
            throw new IllegalArgumentException("timeline[" + i + "] is not the trigger " + trigger.describe());
        }
        for (int j = 0; j < timeline.size(); j++) {
            if (j != i && timeline.get(j).path().equals(trigger.path())) {
                throw new IllegalArgumentException("hysteresis needs the trigger to be the only timeline change of "
                        + trigger.path() + ", but timeline[" + j + "] changes it too");
            }
        }
    }

    /**
     * Runs the grid on {@code threads} threads (one batch run per candidate) and returns the rows in grid order.
     */
    public static Result run(Scenario scenario, Trigger trigger, Plan plan, int threads) {
        check(scenario, trigger);
        double base = baseLoad(scenario, trigger);
        List<Trigger> triggers = MetastabilityDetector.triggers(scenario);
        double[] loads = new double[plan.steps()];
        for (int k = 0; k < loads.length; k++) {
            loads[k] = new java.math.BigDecimal(base * plan.share(k)).round(new java.math.MathContext(6))
                    .doubleValue();
            prepare(scenario, trigger, loads[k]); // validate every candidate before any run
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, loads.length)), r -> {
            Thread t = new Thread(r, "hysteresis");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (int k = 0; k < loads.length; k++) {
                int step = k;
                futures.add(pool.submit(() -> {
                    Scenario s = prepare(scenario, trigger, loads[step]);
                    RunResult r = BatchRunner.run(s, List.of(), true);
                    TriggerReport report = pick(MetastabilityDetector.analyze(triggers, r.intervals(),
                            plan.settings()), trigger);
                    return new Row(step, loads[step], plan.share(step), report);
                }));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                rows.add(f.get());
            }
            double recovery = Double.NaN;
            for (Row row : rows) {
                if (row.recovered() && (Double.isNaN(recovery) || row.load() > recovery)) {
                    recovery = row.load();
                }
            }
            return new Result(trigger, trigger.path(), base, plan, rows, recovery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("hysteresis interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static TriggerReport pick(MetastabilityDetector.Report report, Trigger trigger) {
        for (TriggerReport r : report.triggers()) {
            if (r.trigger().timelineIndex() == trigger.timelineIndex()) {
                return r;
            }
        }
        throw new IllegalStateException("no report for " + trigger.describe());
    }
}
