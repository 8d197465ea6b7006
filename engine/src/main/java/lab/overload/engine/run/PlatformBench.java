package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.FunctionSpec;
import lab.overload.models.scenario.Lesson;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.PlatformSpec;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimeoutKind;

/**
 * The scenario of {@link EngineBench}'s {@code platform} case: a Lambda-shaped account busy with about 2,000
 * sandboxes. {@value #FUNCTIONS} functions, each with its own Poisson client group of {@value #RATE_PER_FUNCTION}
 * invokes per second and 100 ms of exponential work (200 busy sandboxes each by Little's law), 50 ms init and a 1 s
 * keep-alive, so sandboxes expire and are created again as each function's concurrency wanders (keep-alive churn).
 * The last function has a reserved concurrency of 150, below its 200, so about Erlang B(150, 200) = 26% of its
 * invokes are throttled. The account: {@value #WORKER_MANAGERS} worker managers of 600 slots each (the three functions
 * whose home is the first one do not fit there, so placement spreads them), a concurrency limit of 2,400.
 */
public final class PlatformBench {
    static final int FUNCTIONS = 10;
    static final int WORKER_MANAGERS = 4;
    static final double RATE_PER_FUNCTION = 2000;
    static final int THROTTLED_RESERVATION = 150;

    private PlatformBench() {
    }

    /** Invokes per second over every function. */
    public static double ratePerSecond() {
        return FUNCTIONS * RATE_PER_FUNCTION;
    }

    /** The platform case's scenario for the given sim duration. */
    public static Scenario scenario(double durationSeconds) {
        List<ClientSpec> clients = new ArrayList<>();
        List<FunctionSpec> functions = new ArrayList<>();
        for (int i = 0; i < FUNCTIONS; i++) {
            clients.add(new ClientSpec("c" + i, "f" + i, LoopKind.OPEN, ArrivalKind.POISSON, RATE_PER_FUNCTION, 0, 0,
                    Distribution.CONSTANT, 1, 0, TimeoutKind.NONE, 2000, RetrySpec.NONE));
            functions.add(FunctionSpec.of("f" + i, 100, 50, 1, i == FUNCTIONS - 1 ? THROTTLED_RESERVATION : 0));
        }
        PlatformSpec account = new PlatformSpec("account", 2400, 100, WORKER_MANAGERS, 600, 10);
        return new Scenario(Scenario.SCHEMA_VERSION, "bench platform", "", Lesson.NONE, 42, durationSeconds, 0, 100,
                clients, List.of(), List.of(), List.of(account), functions, List.of());
    }
}
