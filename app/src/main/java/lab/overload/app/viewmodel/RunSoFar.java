package lab.overload.app.viewmodel;

import java.util.List;
import lab.overload.app.cli.IntervalCsv;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.Recording;
import lab.overload.engine.run.RunResult;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Scenario;

/**
 * The live run up to now, as files: the scenario it started from, the changes the user made (the runner's control
 * log) and the sim time reached. The intervals and the summary come from a deterministic batch re-run of exactly that
 * (the control log replays byte-identically), so they are complete however long the run and never touch the live
 * runner. Immutable; safe to use on any thread.
 *
 * @param start     the scenario the run started from at t = 0
 * @param log       the changes made live, in order
 * @param nowMicros the sim time reached
 */
public record RunSoFar(Scenario start, List<ControlChange> log, long nowMicros) {
    public RunSoFar {
        log = log.stream().filter(c -> c.atMicros() <= nowMicros).toList();
    }

    /** The intervals so far as CSV, with the columns of {@code run --intervals}. */
    public String intervalsCsv() {
        if (nowMicros <= 0) {
            throw new IllegalStateException("the run has not started: nothing to export yet");
        }
        double warmup = start.warmupMicros() < nowMicros ? start.warmupSeconds() : 0;
        return IntervalCsv.write(rerun(warmup, true).intervals());
    }

    /** The summary so far (measured from the end of the warm-up to now), in the format of {@code run --summary}. */
    public String summaryJson() {
        if (nowMicros <= start.warmupMicros()) {
            throw new IllegalStateException("nothing is measured yet: the warm-up lasts until "
                    + FieldDef.format(start.warmupSeconds()) + " s and the run is at "
                    + FieldDef.format(nowMicros / 1e6) + " s");
        }
        return SummaryJson.write(rerun(start.warmupSeconds(), false).summary());
    }

    private RunResult rerun(double warmupSeconds, boolean intervals) {
        return BatchRunner.run(start.withDuration(nowMicros / 1e6, warmupSeconds), log, intervals);
    }

    /**
     * The scenario as JSON with the live changes on its timeline ({@link Recording}: labelled
     * {@code "recorded: path = value"}, ahead of the scenario's own entries at the same time, as they took effect
     * live), so opening it replays them.
     */
    public String scenarioJson() {
        return ScenarioCodec.write(withRecordedTimeline());
    }

    /** The start scenario with the live changes as timeline entries, long enough to cover the run so far. */
    public Scenario withRecordedTimeline() {
        return new Recording(start, log).toScenario(start.name(), nowMicros);
    }
}
