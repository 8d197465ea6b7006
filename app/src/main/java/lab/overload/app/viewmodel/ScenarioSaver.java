package lab.overload.app.viewmodel;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.overload.engine.run.LiveRunner;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;

/**
 * "Save as": writes the running scenario (every live change applied), or with recording on the run's recording (its
 * start scenario with the changes on the timeline), under a new name to a file, atomically, creating the folder when
 * missing. Nothing is lost on failure: the file keeps what it had. FX thread only.
 */
final class ScenarioSaver {
    /** What a save did: {@code confirmation} to show when it saved, else {@code error} naming the file. */
    record Outcome(boolean saved, String confirmation, String error) {
    }

    private ScenarioSaver() {
    }

    static Outcome saveAs(String name, Path file, boolean recorded, LiveRunner runner, Scenario current) {
        try {
            String trimmed = name == null ? "" : name.strip();
            if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("name must be 1 to 200 printable characters");
            }
            Scenario s = recorded ? runner.recording().toScenario(trimmed, runner.status().furthestMicros())
                    : current;
            Scenario named = Records.with(s, "name", trimmed);
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            ScenarioCodec.writeAtomically(named, file);
            return new Outcome(true, (recorded ? "Saved the recording '" + trimmed + "' (" + RecordReplay.kept(
                    runner.controlLog().size()) + ")" : "Saved '" + trimmed + "'") + " to " + file
                    + "; it is in the preset picker.", "");
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof FileSystemException f
                    ? (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()) : e.getMessage();
            return new Outcome(false, "", "Could not save " + file + ": " + reason + " (the file was left as it was)");
        }
    }
}
