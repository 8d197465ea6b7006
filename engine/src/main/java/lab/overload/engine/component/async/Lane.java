package lab.overload.engine.component.async;


/**
 * One lane of a queue: a double-ended ring of messages held in parallel primitive arrays (enqueue time, tenant,
 * size, the producer's request id), grown by doubling, so a steady state allocates nothing. Messages are added at
 * the tail; FIFO takes the head (the oldest), LIFO the tail (the newest). A take returns the message's position,
 * whose fields stay readable until the next add.
 */
public final class Lane {
    private long[] enqueuedMicros = new long[16];
    private int[] tenant = new int[16];
    private double[] size = new double[16];
    private long[] requestId = new long[16];
    private int head;
    private int count;

    public int size() {
        return count;
    }

    /** Adds a message at the tail. */
    public void add(long nowMicros, int tenantIndex, double messageSize, long producerRequestId) {
        if (count == enqueuedMicros.length) {
            grow();
        }
        int at = (head + count) & (enqueuedMicros.length - 1);
        enqueuedMicros[at] = nowMicros;
        tenant[at] = tenantIndex;
        size[at] = messageSize;
        requestId[at] = producerRequestId;
        count++;
    }

    /** Takes the oldest message (FIFO); the lane must not be empty. */
    public int takeFirst() {
        int at = head;
        head = (head + 1) & (enqueuedMicros.length - 1);
        count--;
        return at;
    }

    /** Takes the newest message (LIFO); the lane must not be empty. */
    public int takeLast() {
        count--;
        return (head + count) & (enqueuedMicros.length - 1);
    }

    /** The enqueue time of the oldest message waiting; the lane must not be empty. */
    public long oldestMicros() {
        return enqueuedMicros[head];
    }

    /** The message at position {@code i} (from the message's take, or {@link #position}). */
    public long enqueuedMicros(int i) {
        return enqueuedMicros[i];
    }

    public int tenant(int i) {
        return tenant[i];
    }

    public double size(int i) {
        return size[i];
    }

    public long requestId(int i) {
        return requestId[i];
    }

    /** The position of the k-th waiting message from the head (k below {@link #size()}). */
    public int position(int k) {
        return (head + k) & (enqueuedMicros.length - 1);
    }

    private void grow() {
        int n = enqueuedMicros.length;
        enqueuedMicros = unwrap(enqueuedMicros, n);
        tenant = unwrapInts(tenant, n);
        size = unwrapDoubles(size, n);
        requestId = unwrap(requestId, n);
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
