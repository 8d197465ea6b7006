package lab.overload.models.scenario;

/** Which idle sandbox a warm invoke takes when a function has several. */
public enum SandboxReuse {
    /** The one that finished last: the others stay idle longer and expire, so the function keeps few sandboxes. */
    MOST_RECENTLY_USED,
    /** The one idle longest: the work spreads over every sandbox and few expire. */
    LEAST_RECENTLY_USED,
    /** Any idle one with equal chance, from the function's seeded stream {@code functions/NAME/reuse}. */
    RANDOM
}
