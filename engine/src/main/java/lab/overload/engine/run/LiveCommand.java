package lab.overload.engine.run;

import java.util.concurrent.CompletableFuture;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.scenario.Scenario;

/**
 * What other threads ask of a {@link LiveRunner}: one immutable record per request, queued and handled in order by
 * the sim thread ({@link SimLoop}). Commands are the only thing that crosses into the sim thread.
 */
sealed interface LiveCommand {
    record Play() implements LiveCommand { }

    record Pause() implements LiveCommand { }

    record Step() implements LiveCommand { }

    record Reset() implements LiveCommand { }

    record Speed(double value) implements LiveCommand { }

    record Change(String path, String value, AbSide side) implements LiveCommand { }

    record Load(Scenario scenario) implements LiveCommand { }

    record RunTo(long simMicros) implements LiveCommand { }

    record Seek(long simMicros) implements LiveCommand { }

    record Summarize(CompletableFuture<Summary> result) implements LiveCommand { }

    record Split(boolean on) implements LiveCommand { }

    record SampleTraces(double rate) implements LiveCommand { }
}
