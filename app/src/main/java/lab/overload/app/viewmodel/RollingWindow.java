package lab.overload.app.viewmodel;

import lab.overload.engine.metrics.IntervalSnapshot;

/**
 * Sums over the last few intervals, for the lesson's live formulas: arrival rate, mean time in system, measured
 * number in system and busy workers over about one second of sim time (single intervals are too noisy to read).
 */
public final class RollingWindow {
    private final IntervalSnapshot[] ring;
    private int size;
    private int next;

    public RollingWindow(int intervals) {
        ring = new IntervalSnapshot[intervals];
    }

    public void add(IntervalSnapshot s) {
        ring[next] = s;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    public void clear() {
        size = 0;
        next = 0;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private double seconds() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += ring[i].seconds();
        }
        return s;
    }

    /** New requests per second (lambda). */
    public double arrivalRate() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += ring[i].offered();
        }
        return size == 0 ? Double.NaN : n / seconds();
    }

    /** Attempts per second, first tries and retries. */
    public double attemptRate() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += ring[i].attempts();
        }
        return size == 0 ? Double.NaN : n / seconds();
    }

    /** Mean time in system of the requests that ended in the window, in seconds (W). */
    public double meanTimeInSystem() {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < size; i++) {
            IntervalSnapshot s = ring[i];
            long ended = s.succeeded() + s.failedTimeout() + s.failedRejected() + s.failedError() + s.expired();
            if (ended > 0) {
                sum += s.requestMeanTimeMillis() / 1000 * ended;
                n += ended;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Little's law's prediction of the number in the system: arrival rate times mean time in system. */
    public double lambdaTimesW() {
        return arrivalRate() * meanTimeInSystem();
    }

    /** Time-averaged busy workers (attempts being worked on), measured. */
    public double busyWorkers() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += ring[i].concurrencyMean() * ring[i].seconds();
        }
        return size == 0 ? Double.NaN : sum / seconds();
    }

    /** Time-averaged number of workers (as the interval snapshots report it). */
    public double workers() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += ring[i].workers() * ring[i].seconds();
        }
        return size == 0 ? Double.NaN : sum / seconds();
    }

    /** Time-averaged requests in the system (L), measured. */
    public double inSystem() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += ring[i].inSystemMean() * ring[i].seconds();
        }
        return size == 0 ? Double.NaN : sum / seconds();
    }
}
