package lab.overload.app.chart;

/**
 * The newest {@code capacity} event markers (time, label, style class), oldest first; adding to a full list drops
 * the oldest. FX thread only.
 */
final class MarkerList {
    private final double[] times;
    private final String[] labels;
    private final String[] styleClasses;
    private int head;
    private int size;

    MarkerList(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("marker capacity must be at least 1, got " + capacity);
        }
        times = new double[capacity];
        labels = new String[capacity];
        styleClasses = new String[capacity];
    }

    void add(double tSeconds, String label, String styleClass) {
        int slot;
        if (size < times.length) {
            slot = (head + size) % times.length;
            size++;
        } else {
            slot = head;
            head = (head + 1) % times.length;
        }
        times[slot] = tSeconds;
        labels[slot] = label;
        styleClasses[slot] = styleClass;
    }

    void clear() {
        head = 0;
        size = 0;
        java.util.Arrays.fill(labels, null);
        java.util.Arrays.fill(styleClasses, null);
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
