package lab.overload.engine;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.BatchRunner;
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
import lab.overload.models.scenario.TimelineChange;
import lab.overload.models.scenario.TimeoutKind;

/**
 * Child-process entry point of {@link DeterminismTest}: runs {@link #scenario(long)} with the seed given as the only
 * argument and prints the summary JSON (UTF-8) to standard output.
 */
public final class DeterminismMain {
    private DeterminismMain() {
    }

    /**
     * A scenario that exercises most of the engine: a Poisson client with fixed timeouts and decorrelated-jitter
     * retries, a closed-loop client with exponential patience, two LIFO hosts sharing cores with USL contention,
     * lognormal work, errors, costly rejections, dropping at dequeue, and a timeline with a spike and a ramp.
     */
    public static Scenario scenario(long seed) {
        ClientSpec web = new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.POISSON, 120, 0, 0,
                Distribution.LOGNORMAL, 1, 0.5, TimeoutKind.FIXED, 250, new RetrySpec(3, 20, 400, Jitter.DECORRELATED));
        ClientSpec batch = new ClientSpec("batch", "api", LoopKind.CLOSED, ArrivalKind.POISSON, 0, 15, 80,
                Distribution.CONSTANT, 1, 0, TimeoutKind.EXPONENTIAL, 500, new RetrySpec(2, 50, 1000, Jitter.EQUAL));
        ServiceSpec api = new ServiceSpec("api", 2, 6, 4, 25, Discipline.LIFO, 0.5, ExpiredWork.DROP_AT_DEQUEUE,
                Distribution.LOGNORMAL, 40, 1.5, 0.03, 0.02, 0.001, Balancer.LEAST_OUTSTANDING);
        List<TimelineChange> timeline = List.of(
                new TimelineChange(20, "clients.web.ratePerSecond", "260", 0, 8, "spike"),
                new TimelineChange(35, "services.api.workersPerHost", "10", 3, 0, "scale up"));
        return new Scenario(Scenario.SCHEMA_VERSION, "determinism", "", Lesson.NONE, seed, 50, 5, 100,
                List.of(web, batch), List.of(api), timeline);
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        String json = SummaryJson.write(BatchRunner.run(scenario(seed)).summary());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(json);
        out.flush();
    }
}
