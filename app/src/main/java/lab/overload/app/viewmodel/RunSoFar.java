package lab.overload.app.viewmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lab.overload.app.cli.IntervalCsv;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.RunResult;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

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
    /** Label of the timeline entries made from live changes. */
    public static final String LIVE_LABEL = "changed live";

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
     * The scenario as JSON with the live changes appended to its timeline (step changes labelled
     * {@value #LIVE_LABEL}, in time order after the entries it had at the same time), so opening it replays them.
     */
    public String scenarioJson() {
        return ScenarioCodec.write(withRecordedTimeline());
    }

    /** The start scenario with the live changes as timeline entries. */
    public Scenario withRecordedTimeline() {
        List<TimelineChange> timeline = new ArrayList<>(start.timeline());
        for (ControlChange c : log) {
            timeline.add(new TimelineChange(c.atMicros() / 1e6, c.path(), c.value(), 0, 0, LIVE_LABEL));
        }
        timeline.sort(Comparator.comparingDouble(TimelineChange::atSeconds)); // stable: recorded after scheduled
        Scenario s = start;
        return new Scenario(s.schemaVersion(), s.name(), s.description(), s.lesson(), s.seed(), s.durationSeconds(),
                s.warmupSeconds(), s.intervalMillis(), s.clients(), s.services(), timeline);
    }
}
