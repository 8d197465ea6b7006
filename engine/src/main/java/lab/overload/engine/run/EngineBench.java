package lab.overload.engine.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lab.overload.engine.component.World;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Balancer;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.Jitter;
import lab.overload.models.scenario.Lesson;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;
import lab.overload.models.scenario.TimeoutKind;

/**
 * The engine throughput benchmark behind {@code overload-lab bench}: whole scenarios run by {@link BatchRunner} as
 * fast as possible (full metrics: interval sealing every {@code intervalMillis}, HdrHistograms, levels, work ledger;
 * no interval snapshots kept), timed by wall clock. Four cases:
 * <ul>
 *   <li>{@code mmc} (a): M/M/10 at rho = 0.9 (lambda 90/s, mu 10/s), no timeouts: the reference model of
 *       {@code ../shared/bench}, comparable with its {@code desbench.Baseline prim} ceiling;</li>
 *   <li>{@code mmc-timeout} (b): the same with a fixed 2 s client timeout armed on every request (practically none
 *       fire), i.e. schedule + cancel cost of one timer per request;</li>
 *   <li>{@code collapse} (c): an overloaded service with timeouts, retries and USL contention (the preset
 *       {@code goodput-collapse} when given, else a built-in equivalent);</li>
 *   <li>{@code platform} (d): a Lambda-shaped account of functions and worker managers ({@link PlatformBench});</li>
 *   <li>{@code lanes} (e): a queue of 100 shuffle-sharded lanes for 10,000 tenants, one of them noisy, at about
 *       20,000 messages per second ({@link LanesBench}).</li>
 * </ul>
 * Each case's duration is chosen so that it simulates about {@code requestsPerCase} requests. Every case runs one
 * untimed warm-up repetition (JIT), then {@code repetitions} timed ones with the same seed (identical work); the
 * result reports the best and the median. Warm-up of the scenario itself is set to 0 so that every simulated request
 * is counted (warm-up only changes what the summary counts, never the simulated work).
 */
public final class EngineBench {
    /** USL parameters of the built-in collapse scenario. */
    static final double COLLAPSE_SIGMA = 0.02;
    static final double COLLAPSE_KAPPA = 0.0005;
    /**
     * The longest scenario the model allows (10 days of sim time): a case asked for more requests than its offered
     * rate fills in that time (77.76 million for M/M/10) simulates that many instead.
     */
    static final double MAX_SECONDS = 864_000;

    private EngineBench() {
    }

    /**
     * One benchmark case.
     *
     * @param name              case name ({@code mmc}, {@code mmc-timeout}, {@code collapse}, {@code platform})
     * @param description       what it simulates
     * @param simulatedSeconds  sim time of one repetition
     * @param requests          logical requests simulated in one repetition
     * @param attempts          attempts (requests + retries) in one repetition
     * @param events            events the engine processed in one repetition
     * @param wallSeconds       wall seconds of each timed repetition, in run order
     * @param bestWallSeconds   fastest repetition
     * @param medianWallSeconds median repetition
     * @param cpuSeconds        CPU seconds of the running thread in each timed repetition (NaN where the JVM cannot
     *                          measure it): on a shared machine the wall time also counts time the thread waited
     *                          for a core, the CPU time does not
     */
    public record BenchResult(String name, String description, double simulatedSeconds, long requests,
                              long attempts, long events, double[] wallSeconds, double bestWallSeconds,
                              double medianWallSeconds, double[] cpuSeconds) {
        public BenchResult {
            wallSeconds = wallSeconds.clone();
            cpuSeconds = cpuSeconds.clone();
        }

        @Override
        public double[] wallSeconds() {
            return wallSeconds.clone();
        }

        @Override
        public double[] cpuSeconds() {
            return cpuSeconds.clone();
        }

        /** Requests per CPU second of the simulation thread, at the median repetition by CPU time. */
        public double medianRequestsPerCpuSecond() {
            return requests / median(cpuSeconds);
        }

        public int repetitions() {
            return wallSeconds.length;
        }

        public double bestRequestsPerSecond() {
            return requests / bestWallSeconds;
        }

        public double medianRequestsPerSecond() {
            return requests / medianWallSeconds;
        }

        public double bestEventsPerSecond() {
            return events / bestWallSeconds;
        }

        public double medianEventsPerSecond() {
            return events / medianWallSeconds;
        }

        /** Simulated seconds per wall second at the median (how far ahead of real time the engine runs). */
        public double medianSpeedup() {
            return simulatedSeconds / medianWallSeconds;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BenchResult b && name.equals(b.name) && description.equals(b.description)
                    && simulatedSeconds == b.simulatedSeconds && requests == b.requests && attempts == b.attempts
                    && events == b.events && Arrays.equals(wallSeconds, b.wallSeconds)
                    && bestWallSeconds == b.bestWallSeconds && medianWallSeconds == b.medianWallSeconds
                    && Arrays.equals(cpuSeconds, b.cpuSeconds);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(wallSeconds);
        }

        @Override
        public String toString() {
            return "BenchResult[" + name + ", requests=" + requests + ", wall=" + Arrays.toString(wallSeconds) + "]";
        }
    }

    /**
     * Runs cases (a), (b), (c) and (d).
     *
     * @param requestsPerCase          about how many requests each repetition simulates (at least 1000)
     * @param repetitions              timed repetitions per case after one warm-up repetition (at least 1)
     * @param collapseScenarioOrNull   the scenario for case (c), e.g. the preset {@code goodput-collapse}; null for
     *                                 the built-in one
     */
    public static List<BenchResult> run(long requestsPerCase, int repetitions, Scenario collapseScenarioOrNull) {
        if (requestsPerCase < 1000) {
            throw new IllegalArgumentException("requests per case must be at least 1000, was " + requestsPerCase);
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, was " + repetitions);
        }
        List<BenchResult> results = new ArrayList<>();
        double mmcSeconds = Math.min(requestsPerCase / 90.0, MAX_SECONDS);
        results.add(runCase("mmc", "M/M/10, lambda 90/s, mu 10/s (rho 0.9), no timeouts",
                mmc(mmcSeconds, false), repetitions));
        results.add(runCase("mmc-timeout", "M/M/10, rho 0.9, fixed 2 s client timeout on every request",
                mmc(mmcSeconds, true), repetitions));
        Scenario collapse = collapseScenarioOrNull != null ? collapseScenarioOrNull : builtInCollapse();
        String what = collapseScenarioOrNull != null ? "scenario '" + collapse.name() + "'"
                : "built-in collapse (timeouts, 3 attempts, USL sigma 0.02 kappa 0.0005)";
        results.add(runCase("collapse", what + ", stretched to ~" + requestsPerCase + " requests",
                stretch(collapse, requestsPerCase), repetitions));
        double platformSeconds = Math.min(requestsPerCase / PlatformBench.ratePerSecond(), MAX_SECONDS);
        results.add(runCase("platform", PlatformBench.FUNCTIONS + " functions on " + PlatformBench.WORKER_MANAGERS
                        + " worker managers, ~2000 busy sandboxes, 1 s keep-alive, one function throttled",
                PlatformBench.scenario(platformSeconds), repetitions));
        double lanesSeconds = Math.min(requestsPerCase / LanesBench.MESSAGES_PER_SECOND, MAX_SECONDS);
        results.add(runCase("lanes", "100 shuffle-sharded lanes, hands of 5, 10,000 tenants, one noisy, "
                + "~20,000 messages/s", LanesBench.scenario(Math.max(0.001, lanesSeconds)), repetitions));
        return results;
    }

    /** The M/M/10 reference model at rho = 0.9 for the given sim duration, optionally with a fixed 2 s timeout. */
    public static Scenario mmc(double durationSeconds, boolean timeout) {
        ClientSpec client = new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.POISSON, 90, 0, 0,
                Distribution.CONSTANT, 1, 0, timeout ? TimeoutKind.FIXED : TimeoutKind.NONE, 2000, RetrySpec.NONE);
        ServiceSpec service = new ServiceSpec("api", 1, 10, 0, 10_000_000, Discipline.FIFO, 0, ExpiredWork.PROCESS,
                Distribution.EXPONENTIAL, 100, 1, 0, 0, 0, Balancer.ROUND_ROBIN);
        return new Scenario(Scenario.SCHEMA_VERSION, timeout ? "bench M/M/10 + timeout" : "bench M/M/10", "",
                Lesson.NONE, 42, durationSeconds, 0, 100, List.of(client), List.of(service), List.of());
    }

    /**
     * An overloaded service (used when no collapse scenario is given): 32 workers on 8 cores with USL contention
     * (sigma 0.02, kappa 0.0005), 20 ms mean work, an unbounded-ish FIFO queue that processes expired work, and
     * clients at 450/s (past the ~330/s capacity) with a fixed 1 s timeout and up to 3 attempts with full-jitter
     * backoff. The queue grows until waits exceed the timeout; most of the work is then wasted.
     */
    public static Scenario builtInCollapse() {
        ClientSpec client = new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.POISSON, 450, 0, 0,
                Distribution.CONSTANT, 1, 0, TimeoutKind.FIXED, 1000, new RetrySpec(3, 50, 1000, Jitter.FULL));
        ServiceSpec service = new ServiceSpec("api", 1, 32, 8, 100_000, Discipline.FIFO, 0, ExpiredWork.PROCESS,
                Distribution.EXPONENTIAL, 20, 1, 0, COLLAPSE_SIGMA, COLLAPSE_KAPPA, Balancer.ROUND_ROBIN);
        return new Scenario(Scenario.SCHEMA_VERSION, "bench collapse", "", Lesson.NONE, 42, 60, 0, 100,
                List.of(client), List.of(service), List.of());
    }

    /**
     * The scenario with its duration changed so that it simulates about {@code requests} requests and warm-up 0. The
     * offered rate is measured by a pilot run over the scenario's own duration (so timelines and closed loops are
     * accounted for): the pilot's total, then the rate of its last tenth for the rest.
     */
    static Scenario stretch(Scenario s, long requests) {
        Scenario pilot = s.withDuration(s.durationSeconds(), 0);
        World world = new World(pilot);
        long[] offered = new long[1];
        long[] tail = new long[1];
        long end = pilot.durationMicros();
        long tailFrom = end - end / 10;
        world.onInterval(snap -> {
            offered[0] += snap.offered();
            if (snap.startMicros() >= tailFrom) {
                tail[0] += snap.offered();
            }
        });
        world.runUntil(end);
        double tailSeconds = (end - Math.max(tailFrom, 0)) / 1e6;
        double tailRate = tail[0] / Math.max(tailSeconds, 1e-6);
        double duration;
        if (offered[0] >= requests || tailRate <= 0) {
            duration = offered[0] == 0 ? s.durationSeconds()
                    : s.durationSeconds() * requests / (double) offered[0];
        } else {
            duration = s.durationSeconds() + (requests - offered[0]) / tailRate;
        }
        duration = Math.max(0.001, Math.min(MAX_SECONDS, Math.ceil(duration * 1000) / 1000));
        return s.withDuration(duration, 0);
    }

    private static BenchResult runCase(String name, String description, Scenario scenario, int repetitions) {
        RunResult first = BatchRunner.run(scenario);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        double[] walls = new double[repetitions];
        double[] cpus = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long cpu0 = cpu ? threads.getCurrentThreadCpuTime() : -1;
            RunResult r = BatchRunner.run(scenario);
            long cpu1 = cpu ? threads.getCurrentThreadCpuTime() : -1;
            if (r.events() != first.events() || r.summary().requestsTotal() != first.summary().requestsTotal()) {
                throw new IllegalStateException("benchmark case " + name + " is not deterministic");
            }
            walls[i] = r.wallSeconds();
            cpus[i] = cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e9;
        }
        double[] sorted = walls.clone();
        Arrays.sort(sorted);
        var sum = first.summary();
        return new BenchResult(name, description, scenario.durationSeconds(), sum.requestsTotal(),
                sum.attemptsTotal(), first.events(), walls, sorted[0], median(walls), cpus);
    }

    private static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static BenchResult find(List<BenchResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** A plain-text table of the results. */
    public static String format(List<BenchResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %11s %11s %9s %9s %12s %12s %12s %9s %12s%n", "case",
                "requests", "events", "best s", "median s", "best req/s", "median req/s", "median ev/s", "sim x",
                "req/cpu-s"));
        for (BenchResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-12s %11d %11d %9.3f %9.3f %12.0f %12.0f %12.0f %9.0f %12.0f%n",
                    r.name(), r.requests(), r.events(), r.bestWallSeconds(), r.medianWallSeconds(),
                    r.bestRequestsPerSecond(), r.medianRequestsPerSecond(), r.medianEventsPerSecond(),
                    r.medianSpeedup(), r.medianRequestsPerCpuSecond()));
        }
        for (BenchResult r : results) {
            sb.append(String.format(Locale.ROOT, "  %-12s %s; %.0f s simulated, %d attempts, %d timed "
                            + "repetitions after 1 warm-up%n", r.name(), r.description(), r.simulatedSeconds(),
                    r.attempts(), r.repetitions()));
        }
        BenchResult mmc = find(results, "mmc");
        BenchResult platform = find(results, "platform");
        if (mmc != null && platform != null) {
            sb.append(String.format(Locale.ROOT, "platform / mmc, median req/s: %.3f (req/cpu-s: %.3f)%n",
                    platform.medianRequestsPerSecond() / mmc.medianRequestsPerSecond(),
                    platform.medianRequestsPerCpuSecond() / mmc.medianRequestsPerCpuSecond()));
        }
        BenchResult lanes = find(results, "lanes");
        if (mmc != null && lanes != null) {
            sb.append(String.format(Locale.ROOT, "lanes / mmc, median req/s: %.3f (req/cpu-s: %.3f)%n",
                    lanes.medianRequestsPerSecond() / mmc.medianRequestsPerSecond(),
                    lanes.medianRequestsPerCpuSecond() / mmc.medianRequestsPerCpuSecond()));
        }
        return sb.toString();
    }

    /**
     * {@code EngineBench [requestsPerCase [repetitions [collapseScenario.json]]]} — prints {@link #format}. Without a
     * scenario file case (c) uses the built-in collapse scenario. Counts accept k/m suffixes (e.g. 10m).
     */
    public static void main(String[] args) throws java.io.IOException {
        long n = args.length > 0 ? parseCount(args[0]) : 2_000_000L;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Scenario collapse = args.length > 2
                ? lab.overload.models.json.ScenarioCodec.read(java.nio.file.Path.of(args[2])) : null;
        System.out.print(format(run(n, reps, collapse)));
    }

    static long parseCount(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            mult = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        return Math.round(Double.parseDouble(t) * mult);
    }
}
