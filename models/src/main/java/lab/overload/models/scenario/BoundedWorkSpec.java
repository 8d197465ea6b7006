package lab.overload.models.scenario;

import java.util.List;

/**
 * Bounds on the work one request can cause. {@code maxRequestSize} validates input: an attempt whose request size is
 * above it is rejected on arrival (SHED, at the rejection cost), before it can hold a worker. With
 * {@code resumeFromCheckpoint}, a retried request resumes from its last completed checkpoint
 * ({@code deadline.checkpointMillis}) instead of starting over: the retry's work is the request's work less the
 * progress saved by its earlier attempts, so a retry after a timeout does not repeat what was done.
 */
public record BoundedWorkSpec(double maxRequestSize, boolean resumeFromCheckpoint) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("BoundedWork", BoundedWorkSpec.class, List.of(
            FieldDef.real("maxRequestSize", "x", 0, 100_000, 0,
                    "Largest request size accepted (1 = a typical request); larger ones are rejected; 0 = no limit."),
            FieldDef.bool("resumeFromCheckpoint", false,
                    "Whether a retry resumes from its request's last checkpoint instead of starting over.")));

    /** No size limit, retries start over. */
    public static final BoundedWorkSpec NONE = new BoundedWorkSpec(0, false);

    public BoundedWorkSpec {
        SCHEMA.check("maxRequestSize", maxRequestSize);
    }
}
