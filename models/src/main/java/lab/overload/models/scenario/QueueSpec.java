package lab.overload.models.scenario;

import java.util.List;

/**
 * An asynchronous queue in front of a stage (its {@code target}): a producer's request ends when its message is
 * accepted, or is refused as a 429 it may retry when the chosen lane already holds {@code backpressureDepth}
 * messages. The messages wait in lanes (one shared lane, a lane per tenant, a hashed lane or the shortest lane of
 * the tenant's shuffle-sharded hand); {@code pollersPerLane} pollers per lane take them in the lane's
 * {@code discipline} order and invoke the target synchronously, one message at a time. A poll that finds the lane
 * empty costs {@code pollCostMillis} before the poller polls again (0: it waits for the next message). A message
 * older than {@code ttlSeconds} when it is taken is dropped as expired. Its age (taken minus enqueued) is its
 * latency. Under the {@code PRIORITY} discipline a lane serves its producers' priority classes in order (FIFO within
 * a class). A message older than {@code demoteAfterSeconds} moves to the lane's low-priority queue, which is read only
 * when the main one is empty. A message that finds its lane holding {@code surgeDepth} messages spills to a separate
 * surge queue drained by its own {@code surgePollers}. A message whose invocation fails or is throttled is retried by
 * {@code asyncRetry} (Lambda's defaults), and ends dead-lettered or expired when its retries run out. A tenant is
 * impacted in a second in which a message of it waits longer than {@code impactAgeMillis}. With
 * {@code maxPollersPerLane} above {@code pollersPerLane} the pollers of each lane scale between the two, once per
 * second: one more while messages wait, one fewer after a second of empty polls with none waiting or a second in
 * which the target throttled them. {@code fairDepth} and {@code isolateRatePerSecond} tune the FAIR and AUTO_ISOLATE
 * mappings (see {@link LaneMapping}).
 */
public record QueueSpec(String name, String target, int laneCount, LaneMapping mapping, int handSize,
                        int pollersPerLane, double pollCostMillis, Discipline discipline, double ttlSeconds,
                        int backpressureDepth, double demoteAfterSeconds, int surgeDepth, int surgePollers,
                        AsyncRetrySpec asyncRetry, double impactAgeMillis, int maxPollersPerLane, int fairDepth,
                        double isolateRatePerSecond) {
    private static final Condition LANES = Condition.isNot("mapping", LaneMapping.SHARED)
            .and(Condition.isNot("mapping", LaneMapping.PER_TENANT)).and(Condition.isNot("mapping", LaneMapping.FAIR))
            .and(Condition.isNot("mapping", LaneMapping.AUTO_ISOLATE));

    public static final ObjectSchema SCHEMA = new ObjectSchema("Queue", QueueSpec.class, ControlGroup.QUEUE, List.of(
            FieldDef.text("name", null, 40, "Identifier used in parameter paths (letters, digits, - and _)."),
            FieldDef.text("target", null, 40, "Name of the stage the pollers invoke."),
            FieldDef.integer("laneCount", "lanes", 1, 10_000, 8,
                    "Lanes (queues) of HASH and SHUFFLE_SHARD mappings.").restartRequired().shownWhen(LANES),
            FieldDef.choice("mapping", LaneMapping.class, LaneMapping.SHARED,
                    "How tenants map to lanes: SHARED, PER_TENANT, HASH, SHUFFLE_SHARD, FAIR or AUTO_ISOLATE.").restartRequired(),
            FieldDef.integer("handSize", "lanes", 1, 100, 2,
                    "Lanes in each tenant's hand (SHUFFLE_SHARD; at most laneCount are used).").restartRequired()
                    .shownWhen(Condition.is("mapping", LaneMapping.SHUFFLE_SHARD)),
            FieldDef.integer("pollersPerLane", "pollers", 1, 1000, 1,
                    "Pollers per lane, each invoking the target with one message at a time (the least, when they "
                            + "scale)."),
            FieldDef.real("pollCostMillis", "ms", 0, 60_000, 0,
                    "Time an empty poll costs before the poller polls again (0: it waits for a message)."),
            FieldDef.choice("discipline", Discipline.class, Discipline.FIFO,
                    "Order in which a lane's messages are taken: FIFO (oldest first), LIFO (newest first) or PRIORITY "
                    + "(by the producers' priority class, FIFO within a class)."),
            FieldDef.real("ttlSeconds", "s", 0, 86_400, 0,
                    "Messages older than this when taken are dropped as expired (0: no time to live)."),
            FieldDef.integer("backpressureDepth", "messages", 0, 10_000_000, 0,
                    "A lane holding this many messages refuses new ones with a 429 (0: no backpressure).").log(),
            FieldDef.real("demoteAfterSeconds", "s", 0, 86_400, 0,
                    "Messages older than this move to the lane's low-priority queue, read only when the lane's main "
                    + "queue is empty (0: no demotion)."),
            FieldDef.integer("surgeDepth", "messages", 0, 10_000_000, 0,
                    "A message finding its lane this deep spills to the surge queue (0: no surge queue).").log()
                    .restartRequired(),
            FieldDef.integer("surgePollers", "pollers", 1, 1000, 1,
                    "Pollers of the surge queue, each invoking the target with one message at a time.")
                    .restartRequired().shownWhen(Condition.above("surgeDepth", 0)),
            FieldDef.object("asyncRetry", AsyncRetrySpec.SCHEMA,
                    "Retries of failed and throttled invocations, dead letters and the maximum event age."),
            FieldDef.real("impactAgeMillis", "ms", 1, 3_600_000, 1_000,
                    "A tenant counts as impacted in a second in which a message of it waits longer than this.")
                    .restartRequired().log(),
            FieldDef.integer("maxPollersPerLane", "pollers", 0, 1000, 0,
                    "Pollers per lane scale with the backlog up to this (0 or below pollersPerLane: no scaling)."),
            FieldDef.integer("fairDepth", "messages", 1, 10_000_000, 10,
                    "FAIR: a tenant's messages beyond this many waiting queue behind every other tenant's.")
                    .shownWhen(Condition.is("mapping", LaneMapping.FAIR)),
            FieldDef.real("isolateRatePerSecond", "1/s", 0.001, 1_000_000, 100,
                    "AUTO_ISOLATE: a tenant enqueuing more than this in a second moves to the isolation lane.").log()
                    .shownWhen(Condition.is("mapping", LaneMapping.AUTO_ISOLATE))));

    public QueueSpec {
        name = ClientSpec.checkName(SCHEMA.checkText("name", name), "name");
        target = ClientSpec.checkName(SCHEMA.checkText("target", target), "target");
        SCHEMA.check("laneCount", laneCount);
        mapping = SCHEMA.orDefault("mapping", mapping);
        SCHEMA.check("handSize", handSize);
        SCHEMA.check("pollersPerLane", pollersPerLane);
        SCHEMA.check("pollCostMillis", pollCostMillis);
        discipline = SCHEMA.orDefault("discipline", discipline);
        SCHEMA.check("ttlSeconds", ttlSeconds);
        SCHEMA.check("backpressureDepth", backpressureDepth);
        SCHEMA.check("demoteAfterSeconds", demoteAfterSeconds);
        SCHEMA.check("surgeDepth", surgeDepth);
        SCHEMA.check("surgePollers", surgePollers);
        asyncRetry = asyncRetry == null ? AsyncRetrySpec.DEFAULT : asyncRetry;
        SCHEMA.check("impactAgeMillis", impactAgeMillis);
        SCHEMA.check("maxPollersPerLane", maxPollersPerLane);
        SCHEMA.check("fairDepth", fairDepth);
        SCHEMA.check("isolateRatePerSecond", isolateRatePerSecond);
    }

    /** A queue with demotion and surge queue, Lambda's default async retries and a 1 s impact age. */
    public QueueSpec(String name, String target, int laneCount, LaneMapping mapping, int handSize,
                     int pollersPerLane, double pollCostMillis, Discipline discipline, double ttlSeconds,
                     int backpressureDepth, double demoteAfterSeconds, int surgeDepth, int surgePollers) {
        this(name, target, laneCount, mapping, handSize, pollersPerLane, pollCostMillis, discipline, ttlSeconds,
                backpressureDepth, demoteAfterSeconds, surgeDepth, surgePollers, AsyncRetrySpec.DEFAULT, 1_000, 0, 10,
                100);
    }

    /** A queue without demotion or surge queue. */
    public QueueSpec(String name, String target, int laneCount, LaneMapping mapping, int handSize, int pollersPerLane,
                     double pollCostMillis, Discipline discipline, double ttlSeconds, int backpressureDepth,
                     AsyncRetrySpec asyncRetry, double impactAgeMillis, int maxPollersPerLane, int fairDepth,
                     double isolateRatePerSecond) {
        this(name, target, laneCount, mapping, handSize, pollersPerLane, pollCostMillis, discipline, ttlSeconds,
                backpressureDepth, 0, 0, 1, asyncRetry, impactAgeMillis, maxPollersPerLane, fairDepth,
                isolateRatePerSecond);
    }

    /** A queue without demotion or surge queue, with Lambda's default async retries and a 1 s impact age. */
    public QueueSpec(String name, String target, int laneCount, LaneMapping mapping, int handSize, int pollersPerLane,
                     double pollCostMillis, Discipline discipline, double ttlSeconds, int backpressureDepth) {
        this(name, target, laneCount, mapping, handSize, pollersPerLane, pollCostMillis, discipline, ttlSeconds,
                backpressureDepth, 0, 0, 1);
    }

    /** A shared FIFO queue with one poller, no time to live and no backpressure. */
    public static QueueSpec shared(String name, String target) {
        return new QueueSpec(name, target, 1, LaneMapping.SHARED, 1, 1, 0, Discipline.FIFO, 0, 0);
    }
}
