package lab.overload.engine.component.async;

/**
 * Per-lane totals over the measured period, in primitive arrays: messages that joined each lane (first enqueues and
 * rejoins after a retry) and each lane's largest depth. Single writer: the simulation thread.
 */
public final class LaneTotals {
    private final long warmupMicros;
    private final long[] joined;
    private final int[] depthMax;

    public LaneTotals(int lanes, long warmupMicros) {
        this.warmupMicros = warmupMicros;
        this.joined = new long[lanes];
        this.depthMax = new int[lanes];
    }

    /** A message joined the lane now, which then held {@code depth} messages. */
    public void joined(int lane, int depth, long now) {
        if (now >= warmupMicros) {
            joined[lane]++;
            if (depth > depthMax[lane]) {
                depthMax[lane] = depth;
            }
        }
    }

    public int lanes() {
        return joined.length;
    }

    public long joined(int lane) {
        return joined[lane];
    }

    public int depthMax(int lane) {
        return depthMax[lane];
    }
}
