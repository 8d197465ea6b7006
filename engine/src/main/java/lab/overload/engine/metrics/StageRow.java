package lab.overload.engine.metrics;

import java.util.Arrays;

/**
 * The layout of a stage's interval section in the rows a seal writes ({@link SectionView}): a row of longs (counts,
 * maxima, sums, attempts by outcome, work by class) and a row of doubles (level areas, available worker time, span).
 * {@link #seal} writes a stage's interval into them, {@link #decode} reads a section back; counts by enum are always
 * read back by constant, never by position.
 */
final class StageRow {
    private static final int ATTEMPT_OUTCOMES = AttemptOutcome.values().length;
    private static final int WORK_CLASSES = WorkClass.values().length;
    /** Positions in an interval row of longs. */
    static final int ARRIVED = 0;
    static final int BUSY_MAX = 1;
    static final int QUEUE_MAX = 2;
    static final int WORKERS = 3;
    static final int WAIT_SUM = 4;
    static final int WAIT_COUNT = 5;
    /** Attempts by outcome start here, in {@link AttemptOutcome} order (read back by constant). */
    static final int ATTEMPTS_BY_OUTCOME = 6;
    /** Work (worker-micros) by class starts here, in {@link WorkClass} order (read back by constant). */
    static final int WORK_BY_CLASS = ATTEMPTS_BY_OUTCOME + ATTEMPT_OUTCOMES;
    static final int ROW = WORK_BY_CLASS + WORK_CLASSES;
    /** Positions in an interval row of doubles: busy and queue areas, worker-micros available, span (micros). */
    static final int BUSY_AREA = 0;
    static final int QUEUE_AREA = 1;
    static final int WORKER_MICROS = 2;
    static final int SPAN = 3;
    static final int DOUBLE_ROW = 4;

    private StageRow() {
    }

    /**
     * Writes the stage's interval counts, sums and level areas into rows at {@code at} and {@code doublesAt}, after
     * {@link StageMetrics#closeLevels}, and clears its interval counts.
     */
    static void seal(StageMetrics st, double spanMicros, long[] rows, int at, double[] doubles, int doublesAt) {
        rows[at + ARRIVED] = st.arrived;
        rows[at + BUSY_MAX] = st.busy.intervalMax;
        rows[at + QUEUE_MAX] = st.queue.intervalMax;
        rows[at + WORKERS] = st.workerTime.workers;
        rows[at + WAIT_SUM] = st.waitSum;
        rows[at + WAIT_COUNT] = st.waitCount;
        System.arraycopy(st.attOut, 0, rows, at + ATTEMPTS_BY_OUTCOME, ATTEMPT_OUTCOMES);
        System.arraycopy(st.work, 0, rows, at + WORK_BY_CLASS, WORK_CLASSES);
        doubles[doublesAt + BUSY_AREA] = st.busy.intervalArea;
        doubles[doublesAt + QUEUE_AREA] = st.queue.intervalArea;
        doubles[doublesAt + WORKER_MICROS] = st.workerTime.intervalMicros;
        doubles[doublesAt + SPAN] = spanMicros;
        st.arrived = st.waitSum = st.waitCount = 0;
        Arrays.fill(st.attOut, 0);
        Arrays.fill(st.work, 0);
        st.workerTime.intervalMicros = 0;
    }

    /** The section in the rows written by {@link #seal}. */
    static StageInterval decode(String name, String kind, long[] rows, int at, double[] doubles, int doublesAt) {
        double span = doubles[doublesAt + SPAN];
        double busyArea = doubles[doublesAt + BUSY_AREA];
        double workerMicros = doubles[doublesAt + WORKER_MICROS];
        long waits = rows[at + WAIT_COUNT];
        return new StageInterval(name, kind,
                AttemptCounts.of(rows[at + ARRIVED], 0,
                        Arrays.copyOfRange(rows, at + ATTEMPTS_BY_OUTCOME, at + WORK_BY_CLASS), 0),
                busyArea / span, rows[at + BUSY_MAX], doubles[doublesAt + QUEUE_AREA] / span, rows[at + QUEUE_MAX],
                waits == 0 ? Double.NaN : (double) rows[at + WAIT_SUM] / waits / 1000,
                workerMicros == 0 ? 0 : busyArea / workerMicros, rows[at + WORKERS],
                WorkLedger.ofMicros(Arrays.copyOfRange(rows, at + WORK_BY_CLASS, at + ROW)));
    }
}
