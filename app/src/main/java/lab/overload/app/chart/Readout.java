package lab.overload.app.chart;

import java.util.List;

/**
 * The hover read-out of a {@link LiveChart}: the sample time under the crosshair and each series' value there.
 *
 * @param tSeconds the sample time nearest to the pointer, over all series
 * @param rows     one row per series, in legend order
 */
public record Readout(double tSeconds, List<Row> rows) {

    /**
     * One series' value at the read-out time.
     *
     * @param value the sample at exactly that time, else the straight line between the samples either side;
     *              {@code NaN} before the series' first sample, after its last, or next to a gap
     */
    public record Row(String id, String name, String styleClass, double value) {
    }

    public Readout {
        rows = List.copyOf(rows);
    }

    /** The value of the series with this id, or {@code NaN} if the chart has no such series. */
    public double valueOf(String id) {
        for (Row row : rows) {
            if (row.id().equals(id)) {
                return row.value();
            }
        }
        return Double.NaN;
    }
}
