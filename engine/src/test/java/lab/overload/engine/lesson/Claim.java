package lab.overload.engine.lesson;

import java.util.Locale;

/**
 * What a step's text says the user will see, as a check of one metric over a window of sim time: on the step's
 * own run ({@code AT_LEAST}, {@code AT_MOST}, {@code BETWEEN}), or against the run it starts from ({@code RISES_TO}:
 * higher than before and at least the limit; {@code FALLS_TO}: lower than before and at most the limit;
 * {@code SAME_WITHIN}: within the limit of before).
 */
record Claim(Metric metric, double fromSeconds, double toSeconds, Kind kind, double limit, double upper) {
    enum Kind { AT_LEAST, AT_MOST, BETWEEN, RISES_TO, FALLS_TO, SAME_WITHIN }

    Claim(Metric metric, double fromSeconds, double toSeconds, Kind kind, double limit) {
        this(metric, fromSeconds, toSeconds, kind, limit, Double.NaN);
    }

    /** A level in [lo, hi] on the step's own run. */
    static Claim between(Metric m, double from, double to, double lo, double hi) {
        return new Claim(m, from, to, Kind.BETWEEN, lo, hi);
    }

    static Claim atLeast(Metric m, double from, double to, double limit) {
        return new Claim(m, from, to, Kind.AT_LEAST, limit);
    }

    static Claim atMost(Metric m, double from, double to, double limit) {
        return new Claim(m, from, to, Kind.AT_MOST, limit);
    }

    static Claim risesTo(Metric m, double from, double to, double limit) {
        return new Claim(m, from, to, Kind.RISES_TO, limit);
    }

    static Claim fallsTo(Metric m, double from, double to, double limit) {
        return new Claim(m, from, to, Kind.FALLS_TO, limit);
    }

    static Claim sameWithin(Metric m, double from, double to, double tolerance) {
        return new Claim(m, from, to, Kind.SAME_WITHIN, tolerance);
    }

    /** Whether the claim compares with the run the step starts from (else it is about the step's run alone). */
    boolean comparative() {
        return kind == Kind.RISES_TO || kind == Kind.FALLS_TO || kind == Kind.SAME_WITHIN;
    }

    boolean holds(double before, double after) {
        return switch (kind) {
            case AT_LEAST -> after >= limit;
            case AT_MOST -> after <= limit;
            case BETWEEN -> after >= limit && after <= upper;
            case RISES_TO -> after > before && after >= limit;
            case FALLS_TO -> after < before && after <= limit;
            case SAME_WITHIN -> Math.abs(after - before) <= limit;
        };
    }

    /** The claim and the measured numbers, e.g. "goodput per s 40-90 s: 0.0 -> 365.2 (claim: rises to >= 340)". */
    String describe(double before, double after) {
        String expected = switch (kind) {
            case AT_LEAST -> ">= " + num(limit);
            case AT_MOST -> "<= " + num(limit);
            case BETWEEN -> "in [" + num(limit) + ", " + num(upper) + "]";
            case RISES_TO -> "rises to >= " + num(limit);
            case FALLS_TO -> "falls to <= " + num(limit);
            case SAME_WITHIN -> "unchanged within " + num(limit);
        };
        return String.format(Locale.ROOT, "%s %s-%s s: %s -> %s (claim: %s)", metric.name(), num(fromSeconds),
                num(toSeconds), num(before), num(after), expected);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.3g" : "%.1f", v);
    }
}
