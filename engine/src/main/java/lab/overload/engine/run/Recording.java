package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

/**
 * What a user did in a live run: the scenario the run started from at t = 0 and every parameter change made since,
 * at its sim time (the control log since the last reset, load or restart). As a scenario ({@link #toScenario}) it is
 * the start scenario with those changes on its timeline, so opening it replays the session, and a batch run of it
 * gives the same summary as the live run that made it.
 *
 * <p>A live change at sim time t takes effect before every event at t, exactly as a timeline change at t does; on a
 * timeline the recorded changes go ahead of the start scenario's own changes at the same time, as they did live.
 */
public record Recording(Scenario start, List<ControlChange> changes) {
    /**
     * How the label of a recorded change on a timeline starts: {@code "recorded: path = value"} (the charts' markers
     * show it).
     */
    public static final String LABEL = "recorded";
    private static final int MAX_LABEL_CHARS = 200;

    public Recording {
        changes = List.copyOf(changes);
    }

    /**
     * The recording as a scenario named {@code name}: the start scenario's timeline merged with the recorded
     * changes, sorted by time; its duration is the start scenario's, or longer to cover {@code untilMicros} (the
     * sim time the session reached). Throws IllegalArgumentException naming the field when the result is not a
     * valid scenario (more than 10,000 timeline entries, or a time beyond the longest duration).
     */
    public Scenario toScenario(String name, long untilMicros) {
        List<TimelineChange> timeline = new ArrayList<>();
        for (ControlChange c : changes) {
            String label = LABEL + ": " + c.path() + " = " + c.value();
            timeline.add(new TimelineChange(c.atMicros() / 1e6, c.path(), c.value(), 0, 0,
                    label.length() <= MAX_LABEL_CHARS ? label : label.substring(0, MAX_LABEL_CHARS - 3) + "..."));
        }
        timeline.addAll(start.timeline());
        // stable: at equal times the recorded changes (added first) stay ahead of the scenario's own
        timeline.sort(Comparator.comparingLong(t -> Math.round(t.atSeconds() * 1e6)));
        double duration = Math.max(start.durationSeconds(), Math.ceil(untilMicros / 1e6));
        Scenario named = Records.with(start.withDuration(duration, start.warmupSeconds()), "name", name);
        return Records.with(named, "timeline", timeline);
    }
}
