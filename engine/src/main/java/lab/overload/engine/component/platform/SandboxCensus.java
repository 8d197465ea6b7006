package lab.overload.engine.component.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.metrics.PlatformInterval;

/**
 * The account's sandboxes counted by worker manager, function and state as they change (so a seal only copies an
 * array), the invokes that ended since the last seal with their durations, and each worker manager's sandboxes by
 * state over time (time means and maxima over the measured period, for the summary's {@code platform} block).
 * Single writer: the simulation thread.
 */
public final class SandboxCensus {
    private static final int STATES = PlatformInterval.STATES;
    private final String account;
    private final List<String> functions;
    private final int workerManagers;
    private final int[] counts;
    private final long[] invokes;
    /** Per worker manager: initialising, busy, idle, every sandbox. */
    private final StepArea[] levels;

    public SandboxCensus(String account, List<String> functions, int workerManagers, long measureFromMicros) {
        this.account = account;
        this.functions = List.copyOf(functions);
        this.workerManagers = workerManagers;
        this.counts = new int[workerManagers * functions.size() * STATES];
        this.invokes = new long[4 * functions.size()];
        this.levels = new StepArea[workerManagers * (STATES + 1)];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new StepArea(measureFromMicros);
        }
    }

    /**
     * A sandbox of function {@code f} on worker manager {@code wm} went from state {@code from} to {@code to}
     * ({@link Sandbox#GONE} as {@code from} when it is new, as {@code to} when it goes).
     */
    public void moved(int f, int wm, int from, int to, long nowMicros) {
        int row = (wm * functions.size() + f) * STATES;
        int levelRow = wm * (STATES + 1);
        if (from != Sandbox.GONE) {
            counts[row + from]--;
            levels[levelRow + from].add(nowMicros, -1);
        } else {
            levels[levelRow + STATES].add(nowMicros, 1);
        }
        if (to != Sandbox.GONE) {
            counts[row + to]++;
            levels[levelRow + to].add(nowMicros, 1);
        } else {
            levels[levelRow + STATES].add(nowMicros, -1);
        }
    }

    /** An invoke of function {@code f} ended after {@code micros} (a cold one's placement and init included). */
    public void invokeEnded(int f, boolean cold, long micros) {
        int at = 4 * f + (cold ? 2 : 0);
        invokes[at]++;
        invokes[at + 1] += micros;
    }

    /** The sandboxes now and the invokes ended since the last seal (whose counts start again from 0). */
    public PlatformInterval seal() {
        long[] ended = invokes.clone();
        java.util.Arrays.fill(invokes, 0);
        return new PlatformInterval(functions, workerManagers, counts.clone(), ended);
    }

    /**
     * The summary's {@code platform} block: the account's name and, per worker manager ({@code wm0}, ...), its
     * sandboxes ({@code sandboxes}, every state) and those initialising, busy and idle: time mean and maximum over the
     * measured period up to {@code nowMicros}.
     */
    public Map<String, Object> summary(long nowMicros) {
        Map<String, Object> byManager = new LinkedHashMap<>();
        String[] names = {"initializing", "busy", "idle"};
        for (int wm = 0; wm < workerManagers; wm++) {
            Map<String, Object> m = new LinkedHashMap<>();
            int levelRow = wm * (STATES + 1);
            m.put("sandboxes", meanMax(levels[levelRow + STATES], nowMicros));
            for (int s = 0; s < STATES; s++) {
                m.put(names[s], meanMax(levels[levelRow + s], nowMicros));
            }
            byManager.put("wm" + wm, m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", account);
        out.put("workerManagers", byManager);
        return out;
    }

    private static Map<String, Object> meanMax(StepArea a, long nowMicros) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", a.measuredMean(nowMicros));
        m.put("max", a.measuredMax(nowMicros));
        return m;
    }
}
