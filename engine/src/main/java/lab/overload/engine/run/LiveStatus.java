package lab.overload.engine.run;

import lab.overload.models.scenario.Scenario;

/**
 * The live runner's state, replaced as a whole (never mutated) so any thread can read a consistent copy.
 *
 * @param achievedSpeed sim seconds per wall second over the last second of running
 * @param behindRealTime true when the engine could not keep up with the requested speed
 * @param message the last notice for the user (a restart, a rejected change, a failure), or empty
 * @param failure why the last run was stopped (the heap ran full), or empty; cleared by reset, load or play
 */
public record LiveStatus(int generation, Scenario scenario, long simMicros, boolean running, double speed,
                         double achievedSpeed, double eventsPerSecond, boolean behindRealTime, String message,
                         String failure) {
}
