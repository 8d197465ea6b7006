package lab.overload.engine.operate;

import java.util.ArrayList;
import java.util.List;

/**
 * REPORT lines of every function invocation, in a bounded ring of primitive arrays (recording a line allocates
 * nothing). {@link #drain()} hands the lines recorded since the last drain out as immutable records; when more than
 * the capacity were recorded between two drains, the oldest are lost and counted in {@link #dropped()}.
 *
 * <p>Thread rule: single writer, the simulation's thread.
 */
public final class ReportLog {
    private static final String[] STATUS = {"ok", "error", "timeout"};
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int TIMEOUT = 2;

    private final String[] function;
    private final long[] requestId;
    private final long[] endMicros;
    private final long[] durationMicros;
    private final int[] memoryMb;
    private final long[] initMicros;
    private final byte[] status;
    private long written;
    private long drained;
    private long dropped;

    public ReportLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("report capacity must be at least 1, was " + capacity);
        }
        function = new String[capacity];
        requestId = new long[capacity];
        endMicros = new long[capacity];
        durationMicros = new long[capacity];
        memoryMb = new int[capacity];
        initMicros = new long[capacity];
        status = new byte[capacity];
    }

    /** Records one line; {@code initMicros} -1 for a warm invoke, {@code status} one of OK, ERROR, TIMEOUT. */
    public void add(String fn, long request, long end, long duration, int memory, long init, int st) {
        int i = (int) (written % function.length);
        function[i] = fn;
        requestId[i] = request;
        endMicros[i] = end;
        durationMicros[i] = duration;
        memoryMb[i] = memory;
        initMicros[i] = init;
        status[i] = (byte) st;
        written++;
    }

    /** The lines recorded since the last drain that the ring still holds, oldest first. */
    public List<ReportLine> drain() {
        long from = Math.max(drained, written - function.length);
        dropped += from - drained;
        drained = written;
        if (from == written) {
            return List.of();
        }
        List<ReportLine> out = new ArrayList<>((int) (written - from));
        for (long k = from; k < written; k++) {
            int i = (int) (k % function.length);
            out.add(new ReportLine(function[i], requestId[i], endMicros[i], durationMicros[i], memoryMb[i],
                    initMicros[i], STATUS[status[i]]));
        }
        return List.copyOf(out);
    }

    /** Lines recorded in all. */
    public long written() {
        return written;
    }

    /** Lines lost because more than the capacity were recorded between two drains. */
    public long dropped() {
        return dropped;
    }
}
