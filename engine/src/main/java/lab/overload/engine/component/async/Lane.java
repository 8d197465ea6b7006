package lab.overload.engine.component.async;

import lab.overload.models.scenario.Discipline;

/**
 * One lane of a queue: its main queue, a ring of messages per priority class (class 0 to {@link #CLASSES} - 1), and
 * a low-priority queue of demoted messages, read only when the main queue is empty. Each message carries the lane's
 * arrival sequence, so the main queue serves FIFO (the oldest head of any class), LIFO (the newest tail) or PRIORITY
 * (the head of the first non-empty class: FIFO within a class) whatever order the messages arrived in, and a change
 * of discipline applies to the messages already waiting. Demotion moves the messages older than a threshold from the
 * heads of the classes, oldest first, to the tail of the low-priority queue, which is read in the same discipline
 * (PRIORITY reads it oldest first). Positions returned by {@link #take} stay readable until the next add or demotion.
 * Steady state allocates nothing. Simulation thread only.
 */
public final class Lane {
    /** Priority classes a lane keeps apart (a client group's {@code priority}, 0 first). */
    public static final int CLASSES = 10;
    private static final int DEMOTED = CLASSES;
    private static final int RING_BITS = 4;
    private static final int RING_MASK = (1 << RING_BITS) - 1;

    private final MessageRing[] rings = new MessageRing[CLASSES + 1];
    /** One more than the highest class that has had a message (the classes to look at). */
    private int classesUsed = 1;
    private long arrivals;
    private int count;

    public Lane() {
        rings[0] = new MessageRing();
        rings[DEMOTED] = new MessageRing();
    }

    /** Messages waiting, in the main and the low-priority queue. */
    public int size() {
        return count;
    }

    /** Messages waiting in the low-priority queue (demoted). */
    public int demotedSize() {
        return rings[DEMOTED].size();
    }

    /** Adds a message of class 0. */
    public void add(long nowMicros, int tenantIndex, double messageSize, long producerRequestId) {
        add(nowMicros, tenantIndex, messageSize, producerRequestId, 0);
    }

    /** Adds a message to its class's ring in the main queue. */
    public void add(long nowMicros, int tenantIndex, double messageSize, long producerRequestId, int messageClass) {
        int c = Math.max(0, Math.min(CLASSES - 1, messageClass));
        if (rings[c] == null) {
            rings[c] = new MessageRing();
        }
        classesUsed = Math.max(classesUsed, c + 1);
        rings[c].add(nowMicros, tenantIndex, messageSize, producerRequestId, c, arrivals++);
        count++;
    }

    /** Takes the next message by the discipline: from the main queue, else from the low-priority one (not empty). */
    public int take(Discipline discipline) {
        int ring = mainRing(discipline);
        if (ring < 0) {
            ring = DEMOTED;
        }
        MessageRing r = rings[ring];
        int at = discipline == Discipline.LIFO ? r.takeLast() : r.takeFirst();
        count--;
        return at << RING_BITS | ring;
    }

    /** Takes the oldest message (FIFO); the lane must not be empty. */
    public int takeFirst() {
        return take(Discipline.FIFO);
    }

    /** Takes the newest message (LIFO); the lane must not be empty. */
    public int takeLast() {
        return take(Discipline.LIFO);
    }

    /** The class ring the discipline takes from next, or -1 when the main queue is empty. */
    private int mainRing(Discipline discipline) {
        int best = -1;
        for (int c = 0; c < classesUsed; c++) {
            MessageRing r = rings[c];
            if (r == null || r.size() == 0) {
                continue;
            }
            if (discipline == Discipline.PRIORITY) {
                return c;
            }
            if (best < 0 || (discipline == Discipline.LIFO ? r.tailSequence() > rings[best].tailSequence()
                    : r.headSequence() < rings[best].headSequence())) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Moves every main-queue message enqueued before {@code cutoffMicros} (older than the threshold) to the
     * low-priority queue, oldest first, telling {@code stats} of each; returns how many moved.
     */
    public int demoteEnqueuedBefore(long cutoffMicros, QueueStats stats) {
        int moved = 0;
        MessageRing low = rings[DEMOTED];
        while (true) {
            int c = mainRing(Discipline.FIFO);
            if (c < 0 || rings[c].oldestMicros() >= cutoffMicros) {
                return moved;
            }
            MessageRing r = rings[c];
            int at = r.takeFirst();
            long enqueued = r.enqueuedMicros(at);
            low.add(enqueued, r.tenant(at), r.size(at), r.requestId(at), c, r.sequence(at));
            stats.demoted(enqueued);
            moved++;
        }
    }

    /** The enqueue time of the oldest message waiting; the lane must not be empty. */
    public long oldestMicros() {
        long oldest = Long.MAX_VALUE;
        for (int c = 0; c <= CLASSES; c++) {
            MessageRing r = rings[c];
            if (r != null && r.size() > 0) {
                oldest = Math.min(oldest, r.oldestMicros());
            }
        }
        return oldest;
    }

    /** The message at position {@code i} (from the message's take, or {@link #position}). */
    public long enqueuedMicros(int i) {
        return rings[i & RING_MASK].enqueuedMicros(i >>> RING_BITS);
    }

    public int tenant(int i) {
        return rings[i & RING_MASK].tenant(i >>> RING_BITS);
    }

    public double size(int i) {
        return rings[i & RING_MASK].size(i >>> RING_BITS);
    }

    public long requestId(int i) {
        return rings[i & RING_MASK].requestId(i >>> RING_BITS);
    }

    /** The message's priority class. */
    public int priorityClass(int i) {
        return rings[i & RING_MASK].priorityClass(i >>> RING_BITS);
    }

    /** The position of the k-th waiting message (k below {@link #size()}), class by class, demoted last. */
    public int position(int k) {
        for (int c = 0; c <= CLASSES; c++) {
            MessageRing r = rings[c];
            if (r == null) {
                continue;
            }
            if (k < r.size()) {
                return r.position(k) << RING_BITS | c;
            }
            k -= r.size();
        }
        throw new IndexOutOfBoundsException("position " + k + " past the lane's messages");
    }

    /**
     * Tells {@code stats} of each waiting message older than {@code ageMicros} at {@code nowMicros} (per ring, from
     * the head, whose enqueue times rise, so only those messages are visited).
     */
    public void reportOlderThan(long nowMicros, long ageMicros, QueueStats stats) {
        for (int c = 0; c <= CLASSES; c++) {
            MessageRing r = rings[c];
            if (r == null) {
                continue;
            }
            for (int k = 0; k < r.size(); k++) {
                int at = r.position(k);
                long age = nowMicros - r.enqueuedMicros(at);
                if (age <= ageMicros) {
                    break;
                }
                stats.waiting(r.tenant(at), age);
            }
        }
    }
}
