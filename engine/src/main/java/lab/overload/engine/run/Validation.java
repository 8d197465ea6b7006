package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import lab.overload.engine.component.TraceEvent;
import lab.overload.engine.component.World;
import lab.overload.engine.core.RandomStreams;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Balancer;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.Lesson;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;
import lab.overload.models.scenario.TimeoutKind;
import lab.overload.models.theory.ErlangA;
import lab.overload.models.theory.MG1;
import lab.overload.models.theory.MMc;
import lab.overload.models.theory.MMcK;
import lab.overload.models.theory.RetryAmplification;

/**
 * The built-in validation suite ({@code overload-lab validate}): scenarios with closed-form answers, simulated over
 * independent replications and compared with the theory classes of {@code lab.overload.models.theory}.
 *
 * <h2>Cases</h2>
 * <ul>
 *   <li>M/M/1, λ = 8/s, μ = 10/s (ρ = 0.8): mean wait in queue Wq against {@link MMc} (c = 1).</li>
 *   <li>M/M/10, λ = 90/s, μ = 10/s (ρ = 0.9): mean wait Wq and probability of waiting (Erlang C), the mean number
 *       in system L against {@link MMc}, and the sample-path Little's law ratio L / (λ W), theory 1.</li>
 *   <li>M/M/10+M (Erlang A), λ = 100/s, μ = 10/s, exponential patience with mean 250 ms (client timeout kind
 *       EXPONENTIAL, no retries, expired work dropped at dequeue): probability of abandonment, served throughput
 *       and mean wait over all arrivals against {@link ErlangA}.</li>
 *   <li>M/D/1, λ = 8/s, service 100 ms constant: mean wait against Pollaczek–Khinchine ({@link MG1}, cv² = 0).</li>
 *   <li>Retry amplification: error probability p = 0.3, 4 attempts, no timeouts, no queueing to speak of:
 *       attempts per request (1 − p⁴)/(1 − p) and final failure share p⁴ ({@link RetryAmplification}).</li>
 *   <li>M/M/1/5, λ = 9/s, μ = 10/s (one worker, queue capacity 4, no retries): shed share against the blocking
 *       probability of {@link MMcK}.</li>
 * </ul>
 *
 * <h2>How values are measured</h2>
 * Most values come from the run's {@link Summary} (cohort counts after warm-up). Two things the summary cannot give
 * are read from the event trace ({@link World#onTrace}) of the same run, without adding anything to the engine:
 * whether an arrival was queued (an {@code enqueue} event; Erlang C's P(wait)), and the wait of every arrival
 * including those that abandon (from {@code send} to {@code start}, or to the client's {@code timeout} if that came
 * first; Erlang A's E[Wq] = Lq/λ). With FIFO and zero-cost dropping at dequeue, expired attempts that linger in the
 * queue never delay anyone, so the served customers start exactly when they would in Palm's model where abandoning
 * customers leave at once.
 *
 * <h2>Pass criterion</h2>
 * Replication i runs the scenario with seed {@code RandomStreams.replicationSeed(seed, i)}; the simulated value is
 * the mean of the R per-replication estimates, which are independent and identically distributed. A case passes
 * when
 * <pre>
 *   |simulated − theory| &lt;= max(h99, tolerance)
 * </pre>
 * where {@code h99 = t(0.995, R−1) s / √R} is the Student-t 99% confidence half-width of the mean (theory inside the
 * 99% confidence interval), and {@code tolerance} is a small stated allowance for systematic effects the confidence
 * interval cannot see: the initial transient left after the warm-up, the requests still in flight when the run ends
 * (censored from cohort means) and microsecond rounding of sampled durations. Each warm-up is at least 25
 * relaxation times {@code 1/(cμ(1−√ρ)²)} of its queue (the empty start's bias decays like e^-25), and the
 * in-flight remainder is a few dozen requests out of 10⁴–10⁵, so these effects are estimated below 0.1%. The
 * tolerance is set a few times higher: 0.5% of the theory value for waits and the mean number in system, 0.2% for
 * probabilities, rates and attempts per request, and 0.005 on the Little's law ratio (theory 1), whose edge terms
 * (requests present at the warm-up or still in flight at the end) are of order 2W/T: 0.02% at full scale, 0.3% in
 * quick mode. With one replication h99 is undefined and only the tolerance applies. The table also shows the 95%
 * half-width, the conventional error bar.
 *
 * <p>With 99% intervals on a dozen rows, a correct engine still fails some row for some seeds (about one seed in
 * ten); the default seed is fixed, so the suite's verdict is reproducible, and a failure on another seed should be
 * confirmed with more replications or a longer scale before it is called a bug.
 *
 * <p>{@code durationScale} multiplies each case's measured period (after the warm-up, which stays fixed so the
 * transient is always discarded); {@link #quick()} runs a few seconds, {@link #full()} is what the CLI runs.
 * Replications run in parallel on the common fork-join pool; results do not depend on that.
 */
public final class Validation {
    /** Root seed of the suite; each experiment derives its own. */
    public static final long SEED = 20_240_501L;
    public static final int FULL_REPLICATIONS = 10;
    public static final double FULL_SCALE = 1.0;
    public static final int QUICK_REPLICATIONS = 5;
    public static final double QUICK_SCALE = 0.05;

    private Validation() {
    }

    /** The CLI's full suite: {@value #FULL_REPLICATIONS} replications at scale 1 (tens of seconds). */
    public static List<ValidationResult> full() {
        return run(FULL_REPLICATIONS, FULL_SCALE);
    }

    /** A quick suite for tests and smoke checks: a few seconds. */
    public static List<ValidationResult> quick() {
        return run(QUICK_REPLICATIONS, QUICK_SCALE);
    }

    /** Runs every case with the suite's default seed. */
    public static List<ValidationResult> run(int replications, double durationScale) {
        return run(replications, durationScale, SEED);
    }

    /**
     * Runs every case.
     *
     * @param replications  independent replications per case, at least 1
     * @param durationScale multiplier of each case's measured period, in (0, 100]
     * @param seed          root seed
     */
    public static List<ValidationResult> run(int replications, double durationScale, long seed) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, was " + replications);
        }
        if (!(durationScale > 0 && durationScale <= 100)) {
            throw new IllegalArgumentException("durationScale must be in (0, 100], was " + durationScale);
        }
        List<ValidationResult> out = new ArrayList<>();
        List<ValidationCases.Experiment> experiments = ValidationCases.all();
        for (int k = 0; k < experiments.size(); k++) {
            ValidationCases.Experiment e = experiments.get(k);
            long experimentSeed = RandomStreams.mix(seed + 0x632be59bd9b4e019L * (k + 1)) >>> 11;
            Scenario base = scaled(e.scenario(), durationScale);
            List<Observation> runs = IntStream.range(0, replications).parallel()
                    .mapToObj(i -> observe(base.withSeed(RandomStreams.replicationSeed(experimentSeed, i)), e.trace()))
                    .toList();
            for (ValidationCases.Metric m : e.metrics()) {
                double[] xs = runs.stream().mapToDouble(o -> m.measure().applyAsDouble(o.summary, o.probe)).toArray();
                out.add(m.evaluate(xs));
            }
        }
        return List.copyOf(out);
    }

    /** Whether every case passed. */
    public static boolean allPass(List<ValidationResult> results) {
        return results.stream().allMatch(ValidationResult::pass);
    }

    /**
     * The results as a Markdown table: case | theory | simulated ± 95% half-width | criterion | pass, where the
     * criterion reads {@code Δ d ≤ max(99% CI h, tol t)} with d the absolute difference, followed by a one-line
     * statement of the pass rule.
     */
    public static String report(List<ValidationResult> results) {
        return ValidationReport.table(results);
    }

    /** Two-sided 99% Student-t quantile t(0.995, df): tabulated to df 30, then the Cornish-Fisher expansion. */
    public static double t995(int df) {
        return StudentT.t995(df);
    }

    /** Student-t 99% half-width of the mean of xs; NaN for fewer than two values. */
    public static double halfWidth99(double[] xs) {
        return StudentT.halfWidth99(xs);
    }

    private static Scenario scaled(Scenario s, double scale) {
        double measured = (s.durationSeconds() - s.warmupSeconds()) * scale;
        return s.withDuration(s.warmupSeconds() + measured, s.warmupSeconds());
    }

    // ---------------------------------------------------------------------------------------------- scenarios

    /** Open-loop Poisson client "web" calling "api", request size 1. */
    public static ClientSpec client(double ratePerSecond, TimeoutKind timeoutKind, double timeoutMillis,
                                    RetrySpec retry) {
        return new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.POISSON, ratePerSecond, 0, 0,
                Distribution.CONSTANT, 1, 0, timeoutKind, timeoutMillis, retry);
    }

    /** Service "api": one host, FIFO, free rejections, no contention. */
    public static ServiceSpec service(int workers, int queueCapacity, Distribution dist, double meanMillis,
                                      ExpiredWork expired, double errorProbability) {
        return new ServiceSpec("api", 1, workers, 0, queueCapacity, Discipline.FIFO, 0, expired, dist, meanMillis, 1,
                errorProbability, 0, 0, Balancer.ROUND_ROBIN);
    }

    /** A one-client, one-service scenario with 10 s metric intervals (intervals are not used here). */
    public static Scenario scenario(String name, double measuredSeconds, double warmupSeconds, ClientSpec client,
                                    ServiceSpec service) {
        return new Scenario(Scenario.SCHEMA_VERSION, "validate " + name, "", Lesson.NONE, SEED,
                warmupSeconds + measuredSeconds, warmupSeconds, 10_000, List.of(client), List.of(service),
                List.of());
    }

    /** M/M/c: Poisson arrivals at lambda per second, c workers with exponential service at mu per second. */
    public static Scenario mmc(String name, int c, double lambda, double mu, double measuredSeconds,
                               double warmupSeconds) {
        return scenario(name, measuredSeconds, warmupSeconds, client(lambda, TimeoutKind.NONE, 1000, RetrySpec.NONE),
                service(c, 10_000_000, Distribution.EXPONENTIAL, 1000 / mu, ExpiredWork.PROCESS, 0));
    }

    // ---------------------------------------------------------------------------------------------- running

    private record Observation(Summary summary, Probe probe) {
    }

    private static Observation observe(Scenario s, boolean trace) {
        if (!trace) {
            return new Observation(BatchRunner.run(s).summary(), null);
        }
        World world = new World(s);
        Probe probe = new Probe(s.warmupMicros());
        world.onTrace(probe::accept);
        world.runUntil(s.durationMicros());
        Summary summary = world.summary();
        summary.checkConservation();
        probe.finish(s.durationMicros());
        return new Observation(summary, probe);
    }

    /**
     * Reads the event trace of a one-client run without retries: counts first attempts sent after the warm-up and
     * how many of them were queued, and sums each one's wait until it started service or its client gave up
     * (censored at the end of the run for the few still waiting then).
     */
    public static final class Probe {
        private final long warmupMicros;
        private final Map<Long, Long> waiting = new HashMap<>();
        long sent;
        long enqueued;
        double waitSumMicros;
        long waits;

        public Probe(long warmupMicros) {
            this.warmupMicros = warmupMicros;
        }

        /** Feeds one trace line (pass it to {@code World.onTrace}). */
        public void accept(TraceEvent e) {
            if (e.attempt() != 1) {
                return;
            }
            switch (e.event()) {
                case "send" -> {
                    if (e.timeMicros() >= warmupMicros) {
                        sent++;
                        waiting.put(e.requestId(), e.timeMicros());
                    }
                }
                case "enqueue" -> {
                    if (waiting.containsKey(e.requestId())) {
                        enqueued++;
                    }
                }
                case "start", "timeout" -> {
                    Long from = waiting.remove(e.requestId());
                    if (from != null) {
                        waitSumMicros += e.timeMicros() - from;
                        waits++;
                    }
                }
                default -> {
                }
            }
        }

        /** Counts the attempts still waiting at the end of the run as having waited until then. */
        public void finish(long endMicros) {
            for (long from : waiting.values()) {
                waitSumMicros += endMicros - from;
                waits++;
            }
            waiting.clear();
        }

        /** Mean wait until service started or the client gave up, in milliseconds (NaN when none). */
        public double meanWaitMillis() {
            return waits == 0 ? Double.NaN : waitSumMicros / waits / 1000;
        }

        /** Share of first attempts that found every worker busy and were queued. */
        public double probabilityOfWaiting() {
            return (double) enqueued / sent;
        }
    }
}
