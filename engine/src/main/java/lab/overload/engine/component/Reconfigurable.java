package lab.overload.engine.component;

import lab.overload.models.scenario.Scenario;

/**
 * A component that a parameter change reaches: {@link World} routes each change to the component named by the
 * path's owner ({@code clients.web}, {@code services.api}) and hands it the whole changed scenario, from which the
 * component reads its own part. Called on the simulation thread, at the sim time the change takes effect.
 */
interface Reconfigurable {
    /** Adopts the new settings at {@code nowMicros}, keeping the state in progress. */
    void reconfigure(Scenario next, long nowMicros);
}
