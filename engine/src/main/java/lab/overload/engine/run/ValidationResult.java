package lab.overload.engine.run;

/**
 * One row of the validation suite: a closed-form value next to the simulated mean over replications.
 *
 * @param name         what is compared, with the model, e.g. "M/M/1 ρ=0.8: mean wait Wq"
 * @param unit         unit of {@code theory} and {@code simulated} ("ms", "1/s", "" for ratios and probabilities)
 * @param theory       the closed-form value
 * @param simulated    mean over the replications of the per-replication estimate
 * @param halfWidth95  Student-t 95% half-width of that mean ({@code Stats.halfWidth95}); NaN with one replication
 * @param halfWidth99  Student-t 99% half-width of that mean; NaN with one replication
 * @param tolerance    the stated absolute tolerance for systematic effects (edge effects, rounding)
 * @param replications number of independent replications
 * @param source       how the simulated value is measured (summary field or event trace)
 * @param pass         {@code |simulated - theory| <= max(halfWidth99, tolerance)} (see {@link Validation})
 */
public record ValidationResult(String name, String unit, double theory, double simulated, double halfWidth95,
                               double halfWidth99, double tolerance, int replications, String source,
                               boolean pass) {

    /** The allowed distance between simulation and theory: the larger of the 99% half-width and the tolerance. */
    public double allowed() {
        return Double.isNaN(halfWidth99) ? tolerance : Math.max(halfWidth99, tolerance);
    }

    /** The signed difference simulated minus theory. */
    public double difference() {
        return simulated - theory;
    }
}
