package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded single-writer, multi-reader ring of frames. The writer never blocks; a reader that falls more than the
 * capacity behind skips to the oldest frame still held (latest wins). Memory is bounded however long a run lasts.
 *
 * <p>Thread rule: {@link #publish} from one thread only; {@link #since} from any thread.
 */
public final class SnapshotRing {
    private final AtomicReferenceArray<LiveFrame> slots;
    private final int capacity;
    private volatile long published;

    public SnapshotRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** Sequence number the next published frame will get. */
    public long published() {
        return published;
    }

    void publish(LiveFrame frame) {
        long seq = published;
        slots.set((int) (seq % capacity), frame);
        published = seq + 1;
    }

    /** Frames with sequence number from {@code fromSeq} on (skipping any already overwritten), oldest first. */
    public List<LiveFrame> since(long fromSeq) {
        long end = published;
        long start = Math.max(fromSeq, end - capacity);
        List<LiveFrame> out = new ArrayList<>((int) Math.max(0, end - start));
        for (long s = start; s < end; s++) {
            LiveFrame f = slots.get((int) (s % capacity));
            if (f != null && f.sequence() == s) {
                out.add(f);
            }
        }
        return out;
    }
}
