package lab.overload.app.viewmodel;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import lab.overload.engine.run.LiveStatus;

/**
 * What the window shows of record, replay and scrub: whether Save keeps a recording (the scenario as it was at t = 0
 * with every change made since on its timeline, rather than the current values), what that recording holds, how far
 * the run has got (the scrub bar's range) and whether a scrub is re-running. Refreshed once per pulse from the
 * runner's status by {@link LabViewModel}.
 *
 * <p>Thread rule: FX thread only.
 */
public final class RecordReplay {
    /** How far [ and ] scrub, in sim seconds. */
    public static final double NUDGE_SECONDS = 10;

    private final BooleanProperty recording = new SimpleBooleanProperty(this, "recording");
    private final ReadOnlyStringWrapper recordText = new ReadOnlyStringWrapper(this, "recordText", "");
    private final ReadOnlyBooleanWrapper scrubbing = new ReadOnlyBooleanWrapper(this, "scrubbing");
    private final ReadOnlyDoubleWrapper scrubTargetSeconds = new ReadOnlyDoubleWrapper(this, "scrubTargetSeconds");
    private final ReadOnlyDoubleWrapper furthestSeconds = new ReadOnlyDoubleWrapper(this, "furthestSeconds");
    private int changes;

    RecordReplay() {
        recording.addListener((o, a, b) -> refreshText());
    }

    void update(LiveStatus status, int recordedChanges) {
        scrubbing.set(status.seekTargetMicros() >= 0);
        if (status.seekTargetMicros() >= 0) {
            scrubTargetSeconds.set(status.seekTargetMicros() / 1e6);
        }
        furthestSeconds.set(status.furthestMicros() / 1e6);
        if (recordedChanges != changes) {
            changes = recordedChanges;
            refreshText();
        }
    }

    private void refreshText() {
        recordText.set(recording.get() ? "REC: t = 0 + " + changes(changes) : "");
    }

    private static String changes(int n) {
        return String.format(Locale.ROOT, "%d change%s", n, n == 1 ? "" : "s");
    }

    /** "the scenario at t = 0 and 3 changes on its timeline": what a saved recording keeps. */
    static String kept(int n) {
        return "the scenario at t = 0 and " + changes(n) + " on its timeline";
    }

    /** Whether Save keeps a recording (start scenario + timeline of changes) instead of the current values. */
    public BooleanProperty recordingProperty() {
        return recording;
    }

    /** What a save would keep while recording is on; empty when it is off. */
    public ReadOnlyStringProperty recordTextProperty() {
        return recordText.getReadOnlyProperty();
    }

    /** True while a scrub re-runs (or runs on) to its target time. */
    public ReadOnlyBooleanProperty scrubbingProperty() {
        return scrubbing.getReadOnlyProperty();
    }

    /** The time the last scrub went to, in sim seconds. */
    public ReadOnlyDoubleProperty scrubTargetSecondsProperty() {
        return scrubTargetSeconds.getReadOnlyProperty();
    }

    /** The furthest sim time this run has reached (a scrub back keeps it), in seconds. */
    public ReadOnlyDoubleProperty furthestSecondsProperty() {
        return furthestSeconds.getReadOnlyProperty();
    }
}
