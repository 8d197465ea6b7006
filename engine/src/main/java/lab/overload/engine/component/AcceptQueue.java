package lab.overload.engine.component;

import java.util.ArrayDeque;
import lab.overload.engine.metrics.StageMetrics;
import lab.overload.models.scenario.Discipline;

/**
 * A host's accept queue: attempts waiting for a worker, taken FIFO (oldest first) or LIFO (newest first). Its length
 * is reported to the stage's metrics as it changes. It has no bound of its own: admission decides who may wait.
 */
final class AcceptQueue {
    private final ArrayDeque<Attempt> waiting = new ArrayDeque<>();
    private final StageMetrics metrics;

    AcceptQueue(StageMetrics metrics) {
        this.metrics = metrics;
    }

    int size() {
        return waiting.size();
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** The attempt starts waiting now. */
    void add(Attempt a, long nowMicros) {
        a.state = Attempt.QUEUED;
        a.enqueuedMicros = nowMicros;
        waiting.addLast(a);
        metrics.queueChanged(nowMicros, 1);
    }

    /** The next attempt by the discipline (the queue must not be empty). */
    Attempt take(Discipline discipline, long nowMicros) {
        Attempt a = discipline == Discipline.FIFO ? waiting.pollFirst() : waiting.pollLast();
        metrics.queueChanged(nowMicros, -1);
        return a;
    }

    /** The attempt that has waited longest (the queue must not be empty): for trimming and crashes. */
    Attempt takeOldest(long nowMicros) {
        Attempt a = waiting.pollFirst();
        metrics.queueChanged(nowMicros, -1);
        return a;
    }

    /** Enqueue time of the attempt that has waited longest, or -1 when empty. */
    long oldestQueuedMicros() {
        return waiting.isEmpty() ? -1 : waiting.peekFirst().enqueuedMicros;
    }
}
