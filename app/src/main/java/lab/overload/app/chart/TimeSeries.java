package lab.overload.app.chart;

import java.util.Objects;

/**
 * A bounded ring buffer of {@code (tSeconds, value)} samples for one line of a {@link LiveChart}.
 *
 * <p>Samples are kept oldest-first; once {@link #capacity()} samples are held, each {@link #add} overwrites the
 * oldest, so memory stays fixed however long the run. Sample times must be non-decreasing (sim time never goes
 * back; {@link #clear()} first when the simulation resets). A {@code NaN} value is a gap: the line breaks there.
 * {@code add} allocates nothing.
 *
 * <p>Thread rule: FX thread only, like the chart that draws it.
 */
public final class TimeSeries {
    /** Ten minutes of 100 ms intervals. */
    public static final int DEFAULT_CAPACITY = 6000;

    private final String id;
    private final String name;
    private final String styleClass;
    private final double[] times;
    private final double[] values;
    private int head;
    private int size;
    private TimeSeries reference;
    private boolean dashed;

    /** A series of {@link #DEFAULT_CAPACITY} samples. */
    public TimeSeries(String id, String name, String styleClass) {
        this(id, name, styleClass, DEFAULT_CAPACITY);
    }

    /**
     * @param id         stable identifier (no unit), e.g. {@code goodput}
     * @param name       legend label, e.g. {@code goodput}
     * @param styleClass CSS class that gives the line its colour, e.g. {@link ChartStyles#SERIES_GOODPUT}
     * @param capacity   samples kept, at least 2
     */
    public TimeSeries(String id, String name, String styleClass, int capacity) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.styleClass = Objects.requireNonNull(styleClass, "styleClass");
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        this.times = new double[capacity];
        this.values = new double[capacity];
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String styleClass() {
        return styleClass;
    }

    public int capacity() {
        return times.length;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** A dashed series is a reference line (for example Little's law λ×W next to the measured concurrency). */
    public boolean isDashed() {
        return dashed;
    }

    /**
     * The series this one is compared with (side A, for a side-B series of an A/B split), or null. The legend and
     * the read-out then show this series' value minus the reference's as well.
     */
    public TimeSeries reference() {
        return reference;
    }

    /** Sets the series this one is compared with (see {@link #reference()}); returns {@code this} for chaining. */
    public TimeSeries setReference(TimeSeries reference) {
        this.reference = reference;
        return this;
    }

    /** Marks this series as a dashed reference line; returns {@code this} for chaining. */
    public TimeSeries setDashed(boolean dashed) {
        this.dashed = dashed;
        return this;
    }

    /**
     * Appends a sample, dropping the oldest when full.
     *
     * @param tSeconds sim time in seconds, finite and not before the newest sample
     * @param value    any value; {@code NaN} marks a gap
     */
    public void add(double tSeconds, double value) {
        if (!Double.isFinite(tSeconds)) {
            throw new IllegalArgumentException("tSeconds must be finite, got " + tSeconds);
        }
        if (size > 0 && tSeconds < lastT()) {
            throw new IllegalArgumentException("tSeconds must not decrease: got " + tSeconds + " after " + lastT()
                    + " in series '" + id + "'; clear() it when the simulation resets");
        }
        int slot;
        if (size < times.length) {
            slot = physical(size);
            size++;
        } else {
            slot = head;
            head = head + 1 == times.length ? 0 : head + 1;
        }
        times[slot] = tSeconds;
        values[slot] = value;
    }

    /** Drops every sample. */
    public void clear() {
        head = 0;
        size = 0;
    }

    /** Time in seconds of the {@code i}-th sample, oldest first. */
    public double t(int i) {
        return times[physical(checkIndex(i))];
    }

    /** Value of the {@code i}-th sample, oldest first. */
    public double v(int i) {
        return values[physical(checkIndex(i))];
    }

    /** {@link #t(int)} without the range check, for the decimator's hot loop. */
    double tUnchecked(int i) {
        return times[physical(i)];
    }

    /** {@link #v(int)} without the range check, for the decimator's hot loop. */
    double vUnchecked(int i) {
        return values[physical(i)];
    }

    /** Time of the newest sample, or {@code NaN} when empty. */
    public double lastT() {
        return size == 0 ? Double.NaN : times[physical(size - 1)];
    }

    /** Value of the newest sample, or {@code NaN} when empty. */
    public double lastValue() {
        return size == 0 ? Double.NaN : values[physical(size - 1)];
    }

    /** Index of the first sample with time {@code >= tSeconds}, or {@link #size()} if none (binary search). */
    public int lowerBound(double tSeconds) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[physical(mid)] < tSeconds) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int physical(int i) {
        int j = head + i;
        return j >= times.length ? j - times.length : j;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (size - 1) + " of series '" + id + "'");
        }
        return i;
    }

    @Override
    public String toString() {
        return "TimeSeries[" + id + ", " + size + "/" + times.length + " samples]";
    }
}
