package lab.overload.engine.run;

import lab.overload.models.scenario.Scenario;

/**
 * The live runner's state, replaced as a whole (never mutated) so any thread can read a consistent copy.
 *
 * @param achievedSpeed sim seconds per wall second over the last second of running
 * @param behindRealTime true when the engine could not keep up with the requested speed
 * @param message the last notice for the user (a restart, a rejected change, a failure), or empty
 * @param failure why the last run was stopped (the heap ran full), or empty; cleared by reset, load or play
 * @param seekTargetMicros the sim time a scrub is running to, or -1 when not scrubbing
 * @param furthestMicros the furthest sim time this run has reached (a scrub back does not lower it)
 */
public record LiveStatus(int generation, Scenario scenario, long simMicros, boolean running, double speed,
                         double achievedSpeed, double eventsPerSecond, boolean behindRealTime, String message,
                         String failure, long seekTargetMicros, long furthestMicros) {
}
