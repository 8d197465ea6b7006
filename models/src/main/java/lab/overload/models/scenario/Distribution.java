package lab.overload.models.scenario;

/** Shape of a random duration or size with a given mean. */
public enum Distribution {
    /** Always the mean. */
    CONSTANT,
    /** Exponential with the given mean (coefficient of variation 1). */
    EXPONENTIAL,
    /** Log-normal with the given mean and coefficient of variation. */
    LOGNORMAL
}
