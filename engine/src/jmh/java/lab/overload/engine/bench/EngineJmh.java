package lab.overload.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.EngineBench;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH throughput of the engine's hot path, per simulated request, on the three cases of {@link EngineBench}:
 * {@code mmc} (M/M/10, rho 0.9, no timeouts), {@code mmc-timeout} (the same with a fixed 2 s client timeout on every
 * request) and {@code collapse} (the preset named by {@code -Doverload.collapse=presets/goodput-collapse.json}, or
 * {@link EngineBench#builtInCollapse()} when the property is unset or the file is missing).
 *
 * <p>One long-lived {@link World} per trial: each invocation advances it by the sim time in which
 * {@value #REQUESTS} requests arrive on average (so the score, ops/s, is simulated requests per wall second, and
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per simulated request). Metrics are fully on: every
 * interval is sealed into an {@link IntervalSnapshot}, which a listener keeps (as a live runner would hand it on), so
 * the snapshot allocation cannot be optimised away. Before measuring, the world runs past the scenario's timeline
 * (the collapse preset's load ramp) and the offered rate is measured over 30 s of sim time to size the slice.
 *
 * <p>Run: {@code java -jar benchmarks.jar EngineJmh -prof gc} (see docs/benchmarks.md for the build).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineJmh {
    /** Requests simulated per invocation, on average. */
    static final int REQUESTS = 1000;

    @Param({"mmc", "mmc-timeout", "collapse"})
    public String scenario;

    private World world;
    private long sliceMicros;
    /** The latest sealed interval (keeps every snapshot reachable, as a live consumer would). */
    public IntervalSnapshot latest;
    private long offeredInWindow;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Scenario s = switch (scenario) {
            case "mmc" -> EngineBench.mmc(864_000, false);
            case "mmc-timeout" -> EngineBench.mmc(864_000, true);
            case "collapse" -> collapse();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        world = new World(s);
        world.onInterval(snap -> {
            latest = snap;
            offeredInWindow += snap.offered();
        });
        long settle = 0;
        for (TimelineChange c : s.timeline()) {
            settle = Math.max(settle, Math.round((c.atSeconds() + c.rampSeconds() + c.holdSeconds()) * 1e6));
        }
        settle += 10_000_000L;
        world.runUntil(settle);
        offeredInWindow = 0;
        long window = 30_000_000L;
        world.runUntil(settle + window);
        double rate = offeredInWindow / (window / 1e6);
        if (rate <= 0) {
            throw new IllegalStateException("scenario " + scenario + " offers no load after its timeline");
        }
        sliceMicros = Math.round(REQUESTS / rate * 1e6);
    }

    private static Scenario collapse() throws IOException {
        String path = System.getProperty("overload.collapse");
        if (path != null && Files.isRegularFile(Path.of(path))) {
            Scenario s = ScenarioCodec.read(Path.of(path));
            return s.withDuration(864_000, 0);
        }
        return EngineBench.builtInCollapse().withDuration(864_000, 0);
    }

    /** Advances the world by the sim time of {@value #REQUESTS} requests; returns the events processed so far. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long advance() {
        world.runUntil(world.nowMicros() + sliceMicros);
        return world.eventsProcessed();
    }
}
