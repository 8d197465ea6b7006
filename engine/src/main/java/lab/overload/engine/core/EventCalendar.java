package lab.overload.engine.core;

import java.util.Arrays;

/**
 * The future event list: a binary heap in primitive arrays ordered by (time, phase, sequence), plus FIFO rings for
 * timers that are scheduled in time order (client timeouts of one fixed delay expire in creation order, so they
 * cost O(1) to schedule instead of O(log n)). A FIFO entry that would break its ring's order goes to the heap.
 * Cancellation is by the owner's generation counters: a cancelled event is still delivered and ignored.
 *
 * <p>Not thread-safe: owned by the simulation thread.
 */
final class EventCalendar {
    private static final int PHASE_SHIFT = 56;

    private long[] times = new long[1024];
    private long[] keys = new long[1024];
    private int[] codes = new int[1024];
    private int[] as = new int[1024];
    private long[] bs = new long[1024];
    private int size;
    private long sequence;
    private Fifo[] fifos = new Fifo[0];

    /** Popped event fields, valid until the next pop. */
    long time;
    int code;
    int a;
    long b;

    void schedule(long at, int phase, int eventCode, int argA, long argB) {
        if (size == times.length) {
            grow();
        }
        long key = ((long) phase << PHASE_SHIFT) | sequence++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(at, key, times[parent], keys[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, at, key, eventCode, argA, argB);
    }

    int newFifo() {
        fifos = Arrays.copyOf(fifos, fifos.length + 1);
        fifos[fifos.length - 1] = new Fifo();
        return fifos.length - 1;
    }

    /** Schedules on a FIFO ring when the time keeps the ring in order, else on the heap. */
    void scheduleFifo(int fifo, long at, int phase, int eventCode, int argA, long argB) {
        Fifo f = fifos[fifo];
        if (f.size > 0 && at < f.lastTime) {
            schedule(at, phase, eventCode, argA, argB);
            return;
        }
        f.push(at, ((long) phase << PHASE_SHIFT) | sequence++, eventCode, argA, argB);
    }

    boolean isEmpty() {
        if (size > 0) {
            return false;
        }
        for (Fifo f : fifos) {
            if (f.size > 0) {
                return false;
            }
        }
        return true;
    }

    /** Time of the earliest event, or Long.MAX_VALUE when empty. */
    long peekTime() {
        long best = size > 0 ? times[0] : Long.MAX_VALUE;
        for (Fifo f : fifos) {
            if (f.size > 0 && f.times[f.head] < best) {
                best = f.times[f.head];
            }
        }
        return best;
    }

    /** Removes the earliest event into the public fields; false when empty. */
    boolean pop() {
        Fifo bestFifo = null;
        long bt = size > 0 ? times[0] : Long.MAX_VALUE;
        long bk = size > 0 ? keys[0] : Long.MAX_VALUE;
        for (Fifo f : fifos) {
            if (f.size > 0 && less(f.times[f.head], f.keys[f.head], bt, bk)) {
                bestFifo = f;
                bt = f.times[f.head];
                bk = f.keys[f.head];
            }
        }
        if (bestFifo != null) {
            bestFifo.pop(this);
            return true;
        }
        if (size == 0) {
            return false;
        }
        time = times[0];
        code = codes[0];
        a = as[0];
        b = bs[0];
        int last = --size;
        if (last > 0) {
            siftDown(times[last], keys[last], codes[last], as[last], bs[last]);
        }
        return true;
    }

    int size() {
        int n = size;
        for (Fifo f : fifos) {
            n += f.size;
        }
        return n;
    }

    private void siftDown(long t, long k, int c, int x, long y) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(times[right], keys[right], times[child], keys[child])) {
                child = right;
            }
            if (!less(times[child], keys[child], t, k)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, t, k, c, x, y);
    }

    private static boolean less(long t1, long k1, long t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        keys[to] = keys[from];
        codes[to] = codes[from];
        as[to] = as[from];
        bs[to] = bs[from];
    }

    private void set(int i, long t, long k, int c, int x, long y) {
        times[i] = t;
        keys[i] = k;
        codes[i] = c;
        as[i] = x;
        bs[i] = y;
    }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        keys = Arrays.copyOf(keys, n);
        codes = Arrays.copyOf(codes, n);
        as = Arrays.copyOf(as, n);
        bs = Arrays.copyOf(bs, n);
    }

    /** A growable ring of events in non-decreasing time order. */
    private static final class Fifo {
        long[] times = new long[256];
        long[] keys = new long[256];
        int[] codes = new int[256];
        int[] as = new int[256];
        long[] bs = new long[256];
        int head;
        int size;
        long lastTime;

        void push(long t, long k, int c, int x, long y) {
            if (size == times.length) {
                grow();
            }
            int i = (head + size) & (times.length - 1);
            times[i] = t;
            keys[i] = k;
            codes[i] = c;
            as[i] = x;
            bs[i] = y;
            size++;
            lastTime = t;
        }

        void pop(EventCalendar out) {
            out.time = times[head];
            out.code = codes[head];
            out.a = as[head];
            out.b = bs[head];
            head = (head + 1) & (times.length - 1);
            size--;
        }

        private void grow() {
            int n = times.length;
            long[] t2 = new long[2 * n];
            long[] k2 = new long[2 * n];
            int[] c2 = new int[2 * n];
            int[] a2 = new int[2 * n];
            long[] b2 = new long[2 * n];
            for (int j = 0; j < size; j++) {
                int i = (head + j) & (n - 1);
                t2[j] = times[i];
                k2[j] = keys[i];
                c2[j] = codes[i];
                a2[j] = as[i];
                b2[j] = bs[i];
            }
            times = t2;
            keys = k2;
            codes = c2;
            as = a2;
            bs = b2;
            head = 0;
        }
    }
}
