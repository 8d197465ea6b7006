package lab.overload.engine.component;

import java.util.ArrayDeque;
import lab.overload.engine.component.async.Lane;
import lab.overload.engine.metrics.StageMetrics;
import lab.overload.models.scenario.Discipline;

/**
 * A host's accept queue: attempts waiting for a worker, taken FIFO (oldest first), LIFO (newest first) or PRIORITY
 * (the oldest of the highest class, the lowest client group {@code priority}; non-preemptive). Attempts wait in a
 * deque per class, each numbered on arrival, so FIFO and LIFO hold across classes and a change of discipline applies
 * to the attempts already waiting. Its length is reported to the stage's metrics as it changes. It has no bound of
 * its own: admission decides who may wait.
 */
final class AcceptQueue {
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Attempt>[] byClass = new ArrayDeque[Lane.CLASSES];
    /** Class 0's deque (also {@code byClass[0]}): without priorities the only one, reached without the array. */
    private final ArrayDeque<Attempt> first = new ArrayDeque<>();
    /** One more than the highest class that has had an attempt (the classes to look at). */
    private int classesUsed = 1;
    private int size;
    private long arrivals;
    private final StageMetrics metrics;

    AcceptQueue(StageMetrics metrics) {
        this.metrics = metrics;
        byClass[0] = first;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The attempt starts waiting now. */
    void add(Attempt a, long nowMicros) {
        a.state = Attempt.QUEUED;
        a.enqueuedMicros = nowMicros;
        a.queueSequence = arrivals++;
        if (a.priorityClass == 0) { // the usual case: no priorities
            first.addLast(a);
            size++;
            metrics.queueChanged(nowMicros, 1);
            return;
        }
        int c = Math.max(0, Math.min(Lane.CLASSES - 1, a.priorityClass));
        if (byClass[c] == null) {
            byClass[c] = new ArrayDeque<>();
        }
        classesUsed = Math.max(classesUsed, c + 1);
        byClass[c].addLast(a);
        size++;
        metrics.queueChanged(nowMicros, 1);
    }

    /** The next attempt by the discipline (the queue must not be empty). */
    Attempt take(Discipline discipline, long nowMicros) {
        ArrayDeque<Attempt> q = classesUsed == 1 ? first : next(discipline);
        Attempt a = discipline == Discipline.LIFO ? q.pollLast() : q.pollFirst();
        size--;
        metrics.queueChanged(nowMicros, -1);
        return a;
    }

    /** The attempt that has waited longest (the queue must not be empty): for trimming and crashes. */
    Attempt takeOldest(long nowMicros) {
        Attempt a = next(Discipline.FIFO).pollFirst();
        size--;
        metrics.queueChanged(nowMicros, -1);
        return a;
    }

    /** Enqueue time of the attempt that has waited longest, or -1 when empty. */
    long oldestQueuedMicros() {
        return size == 0 ? -1 : next(Discipline.FIFO).peekFirst().enqueuedMicros;
    }

    /** The class deque the discipline takes from (the queue must not be empty). */
    private ArrayDeque<Attempt> next(Discipline discipline) {
        ArrayDeque<Attempt> best = null;
        for (int c = 0; c < classesUsed; c++) {
            ArrayDeque<Attempt> q = byClass[c];
            if (q == null || q.isEmpty()) {
                continue;
            }
            if (discipline == Discipline.PRIORITY) {
                return q;
            }
            if (best == null || (discipline == Discipline.LIFO
                    ? q.peekLast().queueSequence > best.peekLast().queueSequence
                    : q.peekFirst().queueSequence < best.peekFirst().queueSequence)) {
                best = q;
            }
        }
        return best;
    }
}
