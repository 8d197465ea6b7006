package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import lab.overload.engine.metrics.Stats;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.Jitter;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimeoutKind;
import lab.overload.models.theory.ErlangA;
import lab.overload.models.theory.LittlesLaw;
import lab.overload.models.theory.MG1;
import lab.overload.models.theory.MMc;
import lab.overload.models.theory.MMcK;
import lab.overload.models.theory.RetryAmplification;

import static lab.overload.engine.run.Validation.client;
import static lab.overload.engine.run.Validation.mmc;
import static lab.overload.engine.run.Validation.scenario;
import static lab.overload.engine.run.Validation.service;

/**
 * The cases of the {@link Validation} suite: each a scenario (at scale 1, the suite's base seed), whether its event
 * trace is read through a {@link Validation.Probe}, and the quantities measured on every replication with the
 * closed-form value and the tolerance each is held to. {@link Validation} states the models, how values are measured
 * and the pass criterion.
 */
final class ValidationCases {
    private ValidationCases() {
    }

    /** A quantity measured on every replication of an experiment. */
    record Metric(String name, String unit, double theory, double tolerance, String source,
                  ToDoubleBiFunction<Summary, Validation.Probe> measure) {
        /** The replication values {@code xs} against the theory: passes within max(99% half-width, tolerance). */
        ValidationResult evaluate(double[] xs) {
            double mean = Stats.mean(xs);
            double hw95 = Stats.halfWidth95(xs);
            double hw99 = StudentT.halfWidth99(xs);
            double allowed = Double.isNaN(hw99) ? tolerance : Math.max(hw99, tolerance);
            boolean pass = Double.isFinite(mean) && Math.abs(mean - theory) <= allowed;
            return new ValidationResult(name, unit, theory, mean, hw95, hw99, tolerance, xs.length, source, pass);
        }
    }

    /** A scenario (at scale 1, base seed) and what is measured on it. */
    record Experiment(Scenario scenario, boolean trace, List<Metric> metrics) {
    }

    /** Relative tolerance of means of waits and counts in system (see the class comment). */
    private static final double WAIT_TOL = 0.005;
    /** Relative tolerance of probabilities, rates and attempts per request. */
    private static final double RATE_TOL = 0.002;

    /** Every case, in the order of the report. */
    static List<Experiment> all() {
        List<Experiment> list = new ArrayList<>();

        // M/M/1 rho = 0.8
        double l1 = 8;
        double mu1 = 10;
        double wq1 = MMc.meanWaitInQueue(1, l1, mu1) * 1000;
        list.add(new Experiment(mmc("mm1", 1, l1, mu1, 20_000, 500), false, List.of(
                new Metric("M/M/1 ρ=0.8: mean wait Wq", "ms", wq1, WAIT_TOL * wq1, "summary queueWaitMean",
                        (s, p) -> s.queueWaitMean()))));

        // M/M/10 rho = 0.9
        double l10 = 90;
        double mu10 = 10;
        double wq10 = MMc.meanWaitInQueue(10, l10, mu10) * 1000;
        double pw10 = MMc.probabilityOfWaiting(10, l10, mu10);
        double lsys10 = MMc.meanNumberInSystem(10, l10, mu10);
        list.add(new Experiment(mmc("mm10", 10, l10, mu10, 2_000, 200), true, List.of(
                new Metric("M/M/10 ρ=0.9: mean wait Wq (Erlang C)", "ms", wq10, WAIT_TOL * wq10,
                        "summary queueWaitMean", (s, p) -> s.queueWaitMean()),
                new Metric("M/M/10 ρ=0.9: P(wait) (Erlang C)", "", pw10, RATE_TOL * pw10,
                        "trace: enqueued / sent", (s, p) -> p.probabilityOfWaiting()),
                new Metric("M/M/10 ρ=0.9: mean number in system L", "", lsys10, WAIT_TOL * lsys10,
                        "summary inSystemMean", (s, p) -> s.inSystemMean()),
                new Metric("Little's law L / (λW), M/M/10 sample path", "", 1.0, 0.005,
                        "summary littlesLaw fields", (s, p) -> littleRatio(s)))));

        // Erlang A: M/M/10+M
        double la = 100;
        double mua = 10;
        double patienceMillis = 250;
        double theta = 1000 / patienceMillis;
        double pab = ErlangA.probabilityOfAbandonment(10, la, mua, theta);
        double served = ErlangA.servedThroughput(10, la, mua, theta);
        double wqa = ErlangA.meanWaitInQueue(10, la, mua, theta) * 1000;
        Scenario erlangA = scenario("erlang-a", 2_000, 100,
                client(la, TimeoutKind.EXPONENTIAL, patienceMillis, RetrySpec.NONE),
                service(10, 10_000_000, Distribution.EXPONENTIAL, 1000 / mua, ExpiredWork.DROP_AT_DEQUEUE, 0));
        list.add(new Experiment(erlangA, true, List.of(
                new Metric("Erlang A (c=10, λ=100/s, μ=10/s, θ=4/s): P(abandon)", "", pab, RATE_TOL * pab,
                        "summary abandonedByServer / attempts",
                        (s, p) -> (double) s.abandonedByServer() / s.attemptsTotal()),
                new Metric("Erlang A: served throughput", "1/s", served, RATE_TOL * served,
                        "summary completed attempts / s", (s, p) -> s.throughputPerSecond()),
                new Metric("Erlang A: mean wait over all arrivals E[Wq] = Lq/λ", "ms", wqa, WAIT_TOL * wqa,
                        "trace: send to start or abandonment", (s, p) -> p.meanWaitMillis()))));

        // M/D/1 rho = 0.8
        double ld = 8;
        double sd = 0.1;
        double wqd = MG1.meanWaitInQueue(ld, sd, 0) * 1000;
        list.add(new Experiment(scenario("md1", 10_000, 500,
                client(ld, TimeoutKind.NONE, 1000, RetrySpec.NONE),
                service(1, 10_000_000, Distribution.CONSTANT, sd * 1000, ExpiredWork.PROCESS, 0)), false, List.of(
                new Metric("M/D/1 ρ=0.8: mean wait Wq (Pollaczek–Khinchine)", "ms", wqd, WAIT_TOL * wqd,
                        "summary queueWaitMean", (s, p) -> s.queueWaitMean()))));

        // Retry amplification p = 0.3, 4 attempts
        double perr = 0.3;
        double amp = RetryAmplification.expectedAttempts(perr, 3);
        double fail = RetryAmplification.finalFailureProbability(perr, 3);
        list.add(new Experiment(scenario("retry", 1_000, 10,
                client(50, TimeoutKind.NONE, 1000, new RetrySpec(4, 10, 1000, Jitter.FULL)),
                service(200, 10_000_000, Distribution.EXPONENTIAL, 100, ExpiredWork.PROCESS, perr)), false, List.of(
                new Metric("Retries p=0.3, 4 attempts: attempts per request", "", amp, RATE_TOL * amp,
                        "summary attempts / requests", (s, p) -> (double) s.attemptsTotal() / s.requestsTotal()),
                new Metric("Retries p=0.3, 4 attempts: final failure share p⁴", "", fail, RATE_TOL * fail,
                        "summary failedError / requests",
                        (s, p) -> (double) s.failedError() / s.requestsTotal()))));

        // M/M/1/K, K = 5
        double lk = 9;
        double muk = 10;
        int k = 5;
        double block = MMcK.blockingProbability(1, k, lk, muk);
        list.add(new Experiment(scenario("mm1k", 5_000, 50,
                client(lk, TimeoutKind.NONE, 1000, RetrySpec.NONE),
                service(1, k - 1, Distribution.EXPONENTIAL, 1000 / muk, ExpiredWork.PROCESS, 0)), false, List.of(
                new Metric("M/M/1/5 ρ=0.9: blocking (shed share)", "", block, RATE_TOL * block,
                        "summary shed / attempts", (s, p) -> (double) s.shed() / s.attemptsTotal()))));
        return list;
    }

    /** Sample-path Little's law: time-average number in system over arrival rate times mean time in system. */
    static double littleRatio(Summary s) {
        double lambda = s.requestsTotal() / s.measuredSeconds();
        return s.inSystemMean() / LittlesLaw.meanNumberInSystem(lambda, s.requestMeanTimeMillis() / 1000);
    }
}
