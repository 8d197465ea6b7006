package lab.overload.engine.run;

/**
 * A parameter change made while a scenario ran, at the sim time it took effect (after every event at or before that
 * time). A list of these is a recording: replayed by {@link BatchRunner} it gives the same numbers as the live run.
 */
public record ControlChange(long atMicros, String path, String value) {
}
