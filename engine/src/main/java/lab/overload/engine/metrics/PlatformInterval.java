package lab.overload.engine.metrics;

import java.util.List;

/**
 * The account's sandboxes at the end of an interval, immutable: how many each worker manager holds of each function in
 * each state (initialising, busy, idle warm), and the invokes of each function that ended in the interval, warm and
 * cold, with their mean duration (from the invoke reaching its sandbox, or the platform for a cold one, to the end of
 * its work: a cold invoke's placement and init included). {@link #NONE} for a scenario without functions.
 *
 * <p>Kept as two primitive arrays copied at the seal: sandbox counts at {@code ((wm * F) + f) * 3 + state}, and per
 * function {@code [warm ended, warm micros, cold ended, cold micros]} at {@code 4 * f}.
 */
public final class PlatformInterval {
    /** State indices (the same as the engine's sandbox states). */
    public static final int INITIALIZING = 0;
    public static final int BUSY = 1;
    public static final int IDLE = 2;
    public static final int STATES = 3;
    /** No platform: no worker managers, no functions. */
    public static final PlatformInterval NONE = new PlatformInterval(List.of(), 0, new int[0], new long[0]);

    private final List<String> functions;
    private final int workerManagers;
    private final int[] counts;
    private final long[] invokes;

    /**
     * @param functions      the functions' names in the scenario's order (immutable; may be shared)
     * @param workerManagers the account's worker managers
     * @param counts         sandbox counts as in the class comment; owned by the new object from now on
     * @param invokes        ended invokes and their micros as in the class comment; owned by the new object
     */
    public PlatformInterval(List<String> functions, int workerManagers, int[] counts, long[] invokes) {
        if (counts.length != workerManagers * functions.size() * STATES || invokes.length != 4 * functions.size()) {
            throw new IllegalArgumentException("counts or invokes do not match " + workerManagers
                    + " worker managers and " + functions.size() + " functions");
        }
        this.functions = functions;
        this.workerManagers = workerManagers;
        this.counts = counts;
        this.invokes = invokes;
    }

    /** True for a scenario without functions. */
    public boolean isEmpty() {
        return functions.isEmpty();
    }

    public List<String> functions() {
        return functions;
    }

    public int workerManagers() {
        return workerManagers;
    }

    /** Sandboxes of function {@code f} in {@code state} on worker manager {@code wm}. */
    public int sandboxes(int wm, int f, int state) {
        return counts[(wm * functions.size() + f) * STATES + state];
    }

    /** Sandboxes in {@code state} on worker manager {@code wm}, any function. */
    public int onWorkerManager(int wm, int state) {
        int n = 0;
        for (int f = 0; f < functions.size(); f++) {
            n += sandboxes(wm, f, state);
        }
        return n;
    }

    /** Sandboxes on worker manager {@code wm}, any function and state. */
    public int onWorkerManager(int wm) {
        int n = 0;
        for (int s = 0; s < STATES; s++) {
            n += onWorkerManager(wm, s);
        }
        return n;
    }

    /** Sandboxes of function {@code f} in {@code state}, over every worker manager. */
    public int ofFunction(int f, int state) {
        int n = 0;
        for (int wm = 0; wm < workerManagers; wm++) {
            n += sandboxes(wm, f, state);
        }
        return n;
    }

    /** The most sandboxes any worker manager holds. */
    public int largestWorkerManager() {
        int most = 0;
        for (int wm = 0; wm < workerManagers; wm++) {
            most = Math.max(most, onWorkerManager(wm));
        }
        return most;
    }

    /** Warm (false) or cold (true) invokes of function {@code f} that ended in the interval. */
    public long invokesEnded(int f, boolean cold) {
        return invokes[4 * f + (cold ? 2 : 0)];
    }

    /** Their mean duration, ms (NaN when none ended). */
    public double durationMeanMillis(int f, boolean cold) {
        long n = invokesEnded(f, cold);
        return n == 0 ? Double.NaN : invokes[4 * f + (cold ? 3 : 1)] / 1000.0 / n;
    }
}
