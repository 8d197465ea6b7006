package lab.overload.app.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.StagePoint;
import lab.overload.engine.run.Sweep;
import lab.overload.models.scenario.FieldDef;

/**
 * The readable form of a sweep: one line per step with the mean over its replications of the rates, latencies and
 * shares the CSV holds. Fed row by row (in any order), it keeps only per-step sums, so its memory grows with the
 * steps, not with the runs. It also notices when the swept value changed nothing.
 */
final class SweepTable {
    /** The measures kept per step (the table shows all but p50; the CSV has every run's). */
    static final String[] COLUMNS = {"offered/s", "attempts/s", "through/s", "goodput/s", "p50 ms", "p99 ms",
        "ok %", "timeout %", "rejected %", "wasted %"};
    private static final int P50 = 4;
    static final int OFFERED = 0;
    static final int ATTEMPTS = 1;
    static final int THROUGHPUT = 2;
    static final int GOODPUT = 3;

    private final Sweep.Plan plan;
    private final double[][] sum;
    private final int[][] count;
    private final boolean[] seen;
    /** Per replication, the results of the first step seen; whether any other step differed. */
    private final Map<Integer, String> firstResults = new HashMap<>();
    private boolean anyDifference;

    SweepTable(Sweep.Plan plan) {
        this.plan = plan;
        this.sum = new double[plan.steps()][COLUMNS.length];
        this.count = new int[plan.steps()][COLUMNS.length];
        this.seen = new boolean[plan.steps()];
    }

    void accept(Sweep.Row row) {
        double[] v = row.stage() != null ? atStage(row.stage()) : totals(row.summary());
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                sum[row.step()][i] += v[i];
                count[row.step()][i]++;
            }
        }
        seen[row.step()] = true;
        String csv = row.csv();
        String results = csv.substring(nthComma(csv, 5) + 1);
        String first = firstResults.putIfAbsent(row.replication(), results);
        if (first != null && !first.equals(results)) {
            anyDifference = true;
        }
    }

    private static double[] totals(Summary s) {
        double req = Math.max(1, s.requestsTotal());
        double work = s.usefulWork() + s.wastedWork() + s.rejectionWork() + s.abandonedWork();
        return new double[] {s.requestsTotal() / s.measuredSeconds(), s.attemptsTotal() / s.measuredSeconds(),
            s.throughputPerSecond(), s.goodputPerSecond(), s.latencyP50(), s.latencyP99(),
            100 * s.succeeded() / req, 100 * s.failedTimeout() / req, 100 * s.failedRejected() / req,
            work == 0 ? Double.NaN : 100 * (work - s.usefulWork()) / work};
    }

    /**
     * Measured at one stage: its load (attempts reaching it, so offered and attempts alike), throughput, goodput
     * (useful completions), useful completions and rejections as shares of its load, and its work that was not
     * useful; latency and timeouts are the clients' and stay empty.
     */
    private static double[] atStage(StagePoint p) {
        double load = p.loadPerSecond();
        return new double[] {load, load, p.throughputPerSecond(), p.goodputPerSecond(), Double.NaN, Double.NaN,
            load == 0 ? Double.NaN : 100 * p.goodputPerSecond() / load, Double.NaN, 100 * p.rejectedShare(),
            100 * p.notUsefulWorkShare()};
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(',', at + 1);
        }
        return at;
    }

    /** Whether more than one step ran and every step gave exactly the same results as the first. */
    boolean sweptValueChangedNothing() {
        int steps = 0;
        for (boolean b : seen) {
            steps += b ? 1 : 0;
        }
        return steps > 1 && !anyDifference;
    }

    boolean ran(int step) {
        return seen[step];
    }

    /** The mean of a column at a step over its replications; NaN when undefined in every one. */
    double mean(int step, int column) {
        return count[step][column] == 0 ? Double.NaN : sum[step][column] / count[step][column];
    }

    /**
     * One line per step that ran: the value, then offered, attempts, throughput and goodput per second, p99 latency
     * of successes (ms), and the shares (%) of requests that succeeded, timed out and were rejected, and of work
     * that was wasted. Means over the step's replications.
     */
    String render(String unit) {
        TextTable t = new TextTable();
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            if (i != P50) {
                headings.add(COLUMNS[i]);
            }
        }
        t.section("value" + (unit.isEmpty() ? "" : " (" + unit + ")"), headings.toArray(String[]::new));
        for (int step = 0; step < plan.steps(); step++) {
            if (!seen[step]) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < COLUMNS.length; i++) {
                if (i != P50) {
                    cells.add(num(mean(step, i)));
                }
            }
            t.row(FieldDef.format(plan.value(step)), cells.toArray(String[]::new));
        }
        return t.render();
    }

    /** Four significant digits, no exponent; "-" when undefined. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
