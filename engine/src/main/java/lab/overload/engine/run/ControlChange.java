package lab.overload.engine.run;

/**
 * A parameter change made while a scenario ran, at the sim time it took effect: after every event before that time
 * and before every event at it, as a timeline change at that time would. A list of these is a recording: replayed by
 * {@link BatchRunner}, or saved on a scenario's timeline ({@link Recording}), it gives the same numbers as the live
 * run.
 */
public record ControlChange(long atMicros, String path, String value) {
}
