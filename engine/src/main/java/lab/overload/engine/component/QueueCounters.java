package lab.overload.engine.component;

import lab.overload.engine.metrics.Counter;
import lab.overload.engine.metrics.Recorder;

/**
 * A queue's per-interval counters, {@code queues.NAME.enqueued}, {@code .processed}, {@code .expired},
 * {@code .deadLettered}, {@code .throttled}, {@code .emptyPolls}, {@code .retried}, {@code .demoted}
 * and {@code .spilled}; each counts an event now,
 * in the measured period or not. Single writer: the simulation thread.
 */
final class QueueCounters {
    final Counter enqueued;
    final Counter processed;
    final Counter expired;
    final Counter deadLettered;
    final Counter throttled;
    final Counter emptyPolls;
    final Counter retried;
    final Counter demoted;
    final Counter spilled;

    QueueCounters(Recorder recorder, String prefix) {
        enqueued = recorder.counter(prefix + "enqueued");
        processed = recorder.counter(prefix + "processed");
        expired = recorder.counter(prefix + "expired");
        deadLettered = recorder.counter(prefix + "deadLettered");
        throttled = recorder.counter(prefix + "throttled");
        emptyPolls = recorder.counter(prefix + "emptyPolls");
        retried = recorder.counter(prefix + "retried");
        demoted = recorder.counter(prefix + "demoted");
        spilled = recorder.counter(prefix + "spilled");
    }
}
