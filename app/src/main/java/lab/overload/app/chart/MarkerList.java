package lab.overload.app.chart;

import java.util.Arrays;

/**
 * The newest {@code capacity} event markers (time, label, style class), oldest first; adding to a full list drops
 * the oldest. A marker may carry a key (the parameter path a user change is about): a change of the same key within
 * a short sim time of that marker's last change updates the marker instead of adding one, so a slider drag becomes
 * one marker at the drag's start showing its final value. FX thread only.
 */
final class MarkerList {
    private final double[] times;
    private final double[] lastTimes;
    private final String[] labels;
    private final String[] styleClasses;
    private final String[] keys;
    private int head;
    private int size;

    MarkerList(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("marker capacity must be at least 1, got " + capacity);
        }
        times = new double[capacity];
        lastTimes = new double[capacity];
        labels = new String[capacity];
        styleClasses = new String[capacity];
        keys = new String[capacity];
    }

    void add(double tSeconds, String label, String styleClass) {
        add(tSeconds, label, styleClass, null, 0);
    }

    /**
     * Adds a marker, or, when the newest marker with the same non-null {@code key} last changed at most
     * {@code coalesceSeconds} before {@code tSeconds}, gives that marker the new label (it keeps its time).
     */
    void add(double tSeconds, String label, String styleClass, String key, double coalesceSeconds) {
        if (key != null) {
            for (int i = size - 1; i >= 0; i--) {
                int slot = (head + i) % times.length;
                if (key.equals(keys[slot])) {
                    if (tSeconds - lastTimes[slot] <= coalesceSeconds && tSeconds >= lastTimes[slot]) {
                        labels[slot] = label;
                        lastTimes[slot] = tSeconds;
                        return;
                    }
                    break;
                }
            }
        }
        int slot;
        if (size < times.length) {
            slot = (head + size) % times.length;
            size++;
        } else {
            slot = head;
            head = (head + 1) % times.length;
        }
        times[slot] = tSeconds;
        lastTimes[slot] = tSeconds;
        labels[slot] = label;
        styleClasses[slot] = styleClass;
        keys[slot] = key;
    }

    void clear() {
        head = 0;
        size = 0;
        Arrays.fill(labels, null);
        Arrays.fill(styleClasses, null);
        Arrays.fill(keys, null);
    }

    int size() {
        return size;
    }

    int capacity() {
        return times.length;
    }

    double t(int i) {
        return times[(head + i) % times.length];
    }

    String label(int i) {
        return labels[(head + i) % times.length];
    }

    String styleClass(int i) {
        return styleClasses[(head + i) % times.length];
    }
}
