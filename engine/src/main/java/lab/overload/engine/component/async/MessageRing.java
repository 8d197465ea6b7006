package lab.overload.engine.component.async;


/**
 * A double-ended ring of messages held in parallel primitive arrays (enqueue time, tenant, size, the producer's
 * request id, priority class, arrival sequence in the lane), grown by doubling, so a steady state allocates nothing.
 * Messages are added at the tail in time order, so enqueue times rise from the head whichever end takes; the head is
 * the oldest, the tail the newest. A take returns the message's position, whose fields stay readable until the next
 * add. Simulation thread only.
 */
final class MessageRing {
    private long[] enqueuedMicros = new long[16];
    private int[] tenant = new int[16];
    private double[] size = new double[16];
    private long[] requestId = new long[16];
    private int[] priorityClass = new int[16];
    private long[] sequence = new long[16];
    private int head;
    private int count;

    int size() {
        return count;
    }

    /** Adds a message at the tail. */
    void add(long nowMicros, int tenantIndex, double messageSize, long producerRequestId, int messageClass,
             long arrival) {
        if (count == enqueuedMicros.length) {
            grow();
        }
        int at = (head + count) & (enqueuedMicros.length - 1);
        enqueuedMicros[at] = nowMicros;
        tenant[at] = tenantIndex;
        size[at] = messageSize;
        requestId[at] = producerRequestId;
        priorityClass[at] = messageClass;
        sequence[at] = arrival;
        count++;
    }

    /** Takes the oldest message; the ring must not be empty. */
    int takeFirst() {
        int at = head;
        head = (head + 1) & (enqueuedMicros.length - 1);
        count--;
        return at;
    }

    /** Takes the newest message; the ring must not be empty. */
    int takeLast() {
        count--;
        return (head + count) & (enqueuedMicros.length - 1);
    }

    /** The enqueue time of the oldest message waiting; the ring must not be empty. */
    long oldestMicros() {
        return enqueuedMicros[head];
    }

    /** The lane's arrival sequence of the oldest message; the ring must not be empty. */
    long headSequence() {
        return sequence[head];
    }

    /** The lane's arrival sequence of the newest message; the ring must not be empty. */
    long tailSequence() {
        return sequence[(head + count - 1) & (enqueuedMicros.length - 1)];
    }

    int priorityClass(int i) {
        return priorityClass[i];
    }

    long sequence(int i) {
        return sequence[i];
    }

    /** The message at position {@code i} (from the message's take, or {@link #position}). */
    long enqueuedMicros(int i) {
        return enqueuedMicros[i];
    }

    int tenant(int i) {
        return tenant[i];
    }

    double size(int i) {
        return size[i];
    }

    long requestId(int i) {
        return requestId[i];
    }

    /** The position of the k-th waiting message from the head (k below {@link #size()}). */
    int position(int k) {
        return (head + k) & (enqueuedMicros.length - 1);
    }

    private void grow() {
        int n = enqueuedMicros.length;
        enqueuedMicros = unwrap(enqueuedMicros, n);
        tenant = unwrapInts(tenant, n);
        size = unwrapDoubles(size, n);
        requestId = unwrap(requestId, n);
        priorityClass = unwrapInts(priorityClass, n);
        sequence = unwrap(sequence, n);
        head = 0;
    }

    private long[] unwrap(long[] a, int n) {
        long[] b = new long[2 * n];
        System.arraycopy(a, head, b, 0, n - head);
        System.arraycopy(a, 0, b, n - head, head);
        return b;
    }

    private int[] unwrapInts(int[] a, int n) {
        int[] b = new int[2 * n];
        System.arraycopy(a, head, b, 0, n - head);
        System.arraycopy(a, 0, b, n - head, head);
        return b;
    }

    private double[] unwrapDoubles(double[] a, int n) {
        double[] b = new double[2 * n];
        System.arraycopy(a, head, b, 0, n - head);
        System.arraycopy(a, 0, b, n - head, head);
        return b;
    }
}
