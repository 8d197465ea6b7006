package lab.overload.engine;

import java.util.List;
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

/** Small scenario builders for engine tests. */
public final class Scenarios {
    private Scenarios() {
    }

    public static ClientSpec openClient(ArrivalKind arrivals, double rate, TimeoutKind timeoutKind,
                                        double timeoutMillis, RetrySpec retry) {
        return new ClientSpec("web", "api", LoopKind.OPEN, arrivals, rate, 0, 0, Distribution.CONSTANT, 1, 0,
                timeoutKind, timeoutMillis, retry);
    }

    public static ServiceSpec service(int workers, int queue, Distribution dist, double meanMillis,
                                      ExpiredWork expired, double errorProbability) {
        return new ServiceSpec("api", 1, workers, 0, queue, Discipline.FIFO, 0, expired, dist, meanMillis, 1,
                errorProbability, 0, 0, Balancer.ROUND_ROBIN);
    }

    public static Scenario scenario(long seed, double duration, double warmup, ClientSpec client,
                                    ServiceSpec service) {
        return new Scenario(1, "test", "", Lesson.NONE, seed, duration, warmup, 100, List.of(client),
                List.of(service), List.of());
    }

    /** M/M/c with Poisson arrivals at lambda per second and exponential service with rate mu, no timeouts. */
    public static Scenario mmc(int c, double lambda, double mu, long seed, double duration, double warmup) {
        return scenario(seed, duration, warmup,
                openClient(ArrivalKind.POISSON, lambda, TimeoutKind.NONE, 1000, RetrySpec.NONE),
                service(c, 10_000_000, Distribution.EXPONENTIAL, 1000 / mu, ExpiredWork.PROCESS, 0));
    }

    public static RetrySpec retries(int maxAttempts) {
        return new RetrySpec(maxAttempts, 10, 1000, Jitter.FULL);
    }
}
