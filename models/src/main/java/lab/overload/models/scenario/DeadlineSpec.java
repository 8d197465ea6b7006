package lab.overload.models.scenario;

import java.util.List;

/**
 * Server-side use of the client's deadline. With {@code timeoutHint} the attempt carries its client's deadline, so a
 * host can drop queued work whose client gave up ({@code expiredWork = DROP_AT_DEQUEUE}) and, with
 * {@code checkpointMillis > 0}, check the deadline at every checkpoint while working (after each
 * {@code checkpointMillis} of uncontended work) and abandon an attempt whose client has given up: outcome
 * ABANDONED_BY_SERVER, the work done so far credited as abandoned instead of finishing as waste. Without the hint the
 * server cannot know and processes everything. Checkpoints also save progress for {@link BoundedWorkSpec}.
 */
public record DeadlineSpec(boolean timeoutHint, double checkpointMillis) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Deadline", DeadlineSpec.class, List.of(
            FieldDef.bool("timeoutHint", true,
                    "Whether the client's deadline travels with the request, so the server can drop expired work."),
            FieldDef.real("checkpointMillis", "ms", 0, 3_600_000, 0,
                    "Uncontended work between checkpoints, where deadlines are checked and progress saved; 0 = off.")));

    /** The deadline travels; no checkpoints. */
    public static final DeadlineSpec NONE = new DeadlineSpec(true, 0);

    public DeadlineSpec {
        SCHEMA.check("checkpointMillis", checkpointMillis);
    }
}
