package lab.overload.models.scenario;

/** Randomisation of retry backoff (see the AWS Architecture Blog, exponential backoff and jitter). */
public enum Jitter {
    /** Sleep exactly min(cap, base * 2^n). */
    NONE,
    /** Sleep uniform in [0, min(cap, base * 2^n)]. */
    FULL,
    /** Sleep half the capped backoff plus uniform in [0, half]. */
    EQUAL,
    /** Sleep min(cap, uniform in [base, 3 * previous sleep]). */
    DECORRELATED
}
