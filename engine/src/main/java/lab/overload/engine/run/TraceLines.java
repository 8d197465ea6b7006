package lab.overload.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import lab.overload.engine.component.TraceEvent;
import lab.overload.engine.component.World;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;

/**
 * The engine's event trace of a scenario's first requests as JSON lines ({@code run --trace}): one object per
 * {@link TraceEvent}, keys {@code timeMicros, event, requestId, attempt, client, stage, outcome} in that order, in
 * the order the events happened. It runs the scenario with its own seed and timeline, exactly as {@link BatchRunner}
 * does (the same events in the same order), keeping only the events of requests 1 to N; the trace listener is set only
 * for this run, so a run without a trace pays nothing for it.
 */
public final class TraceLines {
    /** Requests traced when not told otherwise. */
    public static final int DEFAULT_REQUESTS = 1000;
    /** The most requests one trace may cover (its text is held in memory until it is written). */
    public static final int MAX_REQUESTS = 1_000_000;

    private TraceLines() {
    }

    /** The trace of requests 1 to {@code requests} (in arrival order), one JSON object per line. */
    public static String of(Scenario scenario, int requests) {
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("trace requests must be in [1, " + MAX_REQUESTS + "], was "
                    + requests);
        }
        ObjectWriter writer = ScenarioCodec.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        StringBuilder out = new StringBuilder();
        World world = new World(scenario);
        world.onTrace(e -> {
            try {
                out.append(writer.writeValueAsString(e.toMap())).append('\n');
            } catch (JsonProcessingException x) {
                throw new IllegalStateException(x);
            }
        }, requests);
        world.runUntil(scenario.durationMicros());
        return out.toString();
    }
}
