package lab.overload.engine.component.async;

/**
 * Per-lane totals in primitive arrays: over the measured period, messages that joined each lane (first enqueues and
 * rejoins after a retry), each lane's largest depth, its empty polls and the time integral of its busy pollers
 * (pollers invoking the target with a message taken from the lane); and, over the current interval, its empty polls
 * and busy-poller integral, handed out and cleared by {@link #sealInterval}. A busy-poller change costs a few integer
 * operations (the area since the lane's last change is added); nothing is allocated per event. Single writer: the
 * simulation thread.
 */
public final class LaneTotals {
    private final long warmupMicros;
    private final long[] joined;
    private final int[] depthMax;
    private final long[] emptyPolls;
    private final long[] intervalEmptyPolls;
    /** By lane: busy pollers now, the time of the last change, and the areas (poller-micros) up to then. */
    private final int[] busy;
    private final long[] sinceMicros;
    private final long[] intervalBusyArea;
    private final long[] busyArea;
    private long intervalStartMicros;
    /** The end of the measured period seen so far (the latest {@link #advanceTo}). */
    private long endMicros;

    public LaneTotals(int lanes, long warmupMicros) {
        this.warmupMicros = warmupMicros;
        this.joined = new long[lanes];
        this.depthMax = new int[lanes];
        this.emptyPolls = new long[lanes];
        this.intervalEmptyPolls = new long[lanes];
        this.busy = new int[lanes];
        this.sinceMicros = new long[lanes];
        this.intervalBusyArea = new long[lanes];
        this.busyArea = new long[lanes];
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

    /** A poller found the lane empty now. */
    public void emptyPoll(int lane, long now) {
        intervalEmptyPolls[lane]++;
        if (now >= warmupMicros) {
            emptyPolls[lane]++;
        }
    }

    /** A poller starts ({@code +1}) or ends ({@code -1}) invoking the target with a message of the lane now. */
    public void busy(int lane, int delta, long now) {
        advance(lane, now);
        busy[lane] += delta;
    }

    private void advance(int lane, long now) {
        long since = sinceMicros[lane];
        if (now > since) {
            long b = busy[lane];
            intervalBusyArea[lane] += b * (now - since);
            long from = Math.max(since, warmupMicros);
            if (now > from) {
                busyArea[lane] += b * (now - from);
            }
            sinceMicros[lane] = now;
        }
    }

    /** Brings every lane's areas up to {@code now} (the summary's end). */
    public void advanceTo(long now) {
        for (int l = 0; l < busy.length; l++) {
            advance(l, now);
        }
        endMicros = Math.max(endMicros, now);
    }

    /**
     * Closes the interval ending now: writes each lane's time-mean of busy pollers over it into {@code busyMean} and
     * its empty polls into {@code empty} (arrays of {@link #lanes()}), and starts the next interval.
     */
    public void sealInterval(long now, double[] busyMean, long[] empty) {
        advanceTo(now);
        long span = now - intervalStartMicros;
        for (int l = 0; l < busy.length; l++) {
            busyMean[l] = span > 0 ? (double) intervalBusyArea[l] / span : busy[l];
            empty[l] = intervalEmptyPolls[l];
            intervalBusyArea[l] = 0;
            intervalEmptyPolls[l] = 0;
        }
        intervalStartMicros = now;
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

    /** Empty polls of the lane over the measured period. */
    public long emptyPolls(int lane) {
        return emptyPolls[lane];
    }

    /** Pollers busy with the lane's messages, time-mean over the measured period up to {@link #advanceTo}. */
    public double busyPollersMean(int lane) {
        long span = endMicros - warmupMicros;
        return span > 0 ? (double) busyArea[lane] / span : 0;
    }
}
