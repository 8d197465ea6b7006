package lab.overload.app.platform;

/** The sandbox grid's scale (sandboxes a band holds) and the cell size that fits it. */
final class GridScale {
    private GridScale() {
    }

    /** The next step of the scale: 10, 20, 50, 100, 200, 500, ... */
    static long next(long scale) {
        long decade = 1;
        while (decade * 10 <= scale) {
            decade *= 10;
        }
        long lead = scale / decade;
        return lead < 2 ? 2 * decade : lead < 5 ? 5 * decade : 10 * decade;
    }

    /** The largest whole-pixel cell with which {@code scale} cells fit a band of that size (0 if none fits). */
    static double cell(long scale, double bandWidth, double bandHeight, double largest) {
        for (double c = largest; c >= 2; c--) {
            if (Math.floor(bandWidth / c) * Math.floor(bandHeight / c) >= scale) {
                return c;
            }
        }
        return 0;
    }
}
