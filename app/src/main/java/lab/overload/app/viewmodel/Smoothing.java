package lab.overload.app.viewmodel;

/**
 * How legend values and hover read-outs of the live charts are averaged: raw samples (one metrics interval, usually
 * 100 ms, which jitter), or a moving mean over the last 1 s or 5 s of sim time. Lines are always drawn raw.
 */
public enum Smoothing {
    RAW(0, "raw samples"),
    ONE_SECOND(1, "1 s mean"),
    FIVE_SECONDS(5, "5 s mean");

    private final double seconds;
    private final String label;

    Smoothing(double seconds, String label) {
        this.seconds = seconds;
        this.label = label;
    }

    /** The averaging window in sim seconds; 0 for raw samples. */
    public double seconds() {
        return seconds;
    }

    /** How a choice box shows it. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
