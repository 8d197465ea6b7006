package lab.overload.app.operatemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service map's layout on a map of three columns and two rows (client groups, APIs, functions) whose texts have
 * made-up widths at the styled sizes (caption 12 px, names 14 px, lines 13 px, edge rates 12 px): the widest line of
 * a box is 190 px as styled (four lines of numbers), 150 px with the error and throttle shares apart (five), 120 px
 * with the utilisation apart too (six), 233 px in the grid (three rows); names 80 px, edge rates 40 px, caption
 * 300 px. The expected scales are worked out here from the geometry the layout documents: gaps of the widest edge
 * rate plus 8 px either side, text 8 px in from a box's sides and 4 px from its top and bottom, lines 1.2 font sizes
 * apart, boxes at most 90 % of their row, the caption 2.8 caption sizes high; all at the text scale.
 */
class MapLayoutTest {
    private static final MapLayout.Sizes SIZES = new MapLayout.Sizes(12, 14, 13, 12);
    private static final double[] WIDEST = {190, 150, 120, 233};
    private static final int[] LINES = {4, 5, 6, 3};
    private static final double EDGE = 40;

    private static MapLayout layout(double width, double height) {
        List<MapLayout.NodeTexts> nodes = new ArrayList<>();
        for (int column = 0; column < 3; column++) {
            for (int row = 0; row < 2; row++) {
                nodes.add(new MapLayout.NodeTexts(column, row, 80, WIDEST, LINES));
            }
        }
        return new MapLayout(width, height, SIZES, nodes, 300, EDGE);
    }

    /** The largest step of 2 % at or below a bound (the layout tries 100 %, 98 %, ...). */
    private static double step(double bound) {
        return Math.floor(Math.min(1, bound) / MapLayout.STEP + 1e-9) * MapLayout.STEP;
    }

    /** A box's text height at scale s with n lines of numbers. */
    private static double textHeight(int lines, double s) {
        return (SIZES.name() + lines * SIZES.text()) * MapLayout.LINE * s + 8 * s;
    }

    @Test
    void aLargePaneShowsTheStyledFormAtTheStyledSize() {
        MapLayout l = layout(1600, 600);
        assertEquals(1, l.scale(), 1e-9);
        assertEquals(0, l.form());
        assertFits(l, 1600, 600);
    }

    /**
     * 420 px wide, tall: a box is (400 - 2 gaps) / 3 wide, a gap 40 s + 16 s, so a line of w px fits while
     * w s &lt;= (400 - 112 s) / 3 - 16 s: the styled form (190) only below 55 %, under the floor; the five lines
     * (150) up to 65 %, the six (120) up to 76 %, which the layout takes.
     */
    @Test
    void aNarrowBoxSplitsItsLinesRatherThanShrinkThem() {
        MapLayout l = layout(420, 900);
        double bound = 400 / 3.0 / (120 + 112 / 3.0 + 16);
        assertEquals(2, l.form(), "six lines of numbers");
        assertEquals(step(bound), l.scale(), 1e-9, "the largest step at which 120 px lines fit: " + bound);
        assertTrue(400 / 3.0 / (190 + 112 / 3.0 + 16) < MapLayout.MIN_SCALE, "the styled lines would not fit");
        assertFits(l, 420, 900);
    }

    /**
     * 1200 px wide and short: the rows are (h - 20 - 33.6 s) / 2 high and a box may fill 90 % of one. At 240 px the
     * styled form fits up to 96 %, the grid at 100 %: less than 10 % larger, so the styled form stays. At 180 px the
     * styled form fits up to 70 %, the grid up to 82 %: the grid.
     */
    @Test
    void aWideShortPaneTakesTheGridOnlyWhenItReadsClearlyLarger() {
        MapLayout tall = layout(1200, 240);
        assertEquals(0, tall.form());
        assertEquals(step(bound(240, 4)), tall.scale(), 1e-9);
        assertTrue(step(bound(240, 3)) < tall.scale() + MapLayout.GRID_GAIN, "the grid would gain less than 10 %");
        assertFits(tall, 1200, 240);

        MapLayout shorter = layout(1200, 180);
        assertEquals(MapLayout.GRID, shorter.form());
        assertEquals(step(bound(180, 3)), shorter.scale(), 1e-9);
        assertTrue(step(bound(180, 3)) >= step(bound(180, 4)) + MapLayout.GRID_GAIN);
        assertFits(shorter, 1200, 180);
    }

    /** The scale at which a box of n lines fills 90 % of its row in a 1200 px wide pane of height h. */
    private static double bound(double h, int lines) {
        double perScale = (SIZES.name() + lines * SIZES.text()) * MapLayout.LINE + 8;
        return 0.9 * (h - 20) / 2 / (perScale + 0.9 * 2.8 * SIZES.caption() / 2);
    }

    /** The height the map asks for fits its styled form at the floor; a smaller pane stays at the floor. */
    @Test
    void theLeastHeightFitsTheStyledFormAtTheFloor() {
        double least = MapLayout.minHeight(SIZES, 2, 4);
        MapLayout l = layout(1200, least);
        assertTrue(l.scale() >= MapLayout.MIN_SCALE - 1e-9);
        assertFits(l, 1200, least);
        MapLayout tiny = layout(300, 100);
        assertEquals(MapLayout.MIN_SCALE, tiny.scale(), 1e-9, "never below the floor");
    }

    /** Every box inside the pane, its text inside the box, boxes apart, and the gaps as wide as an edge rate. */
    private static void assertFits(MapLayout l, double width, double height) {
        double s = l.scale();
        List<double[]> boxes = new ArrayList<>();
        for (int column = 0; column < 3; column++) {
            for (int row = 0; row < 2; row++) {
                double[] b = l.box(column, row);
                String where = "box " + column + "," + row + " at scale " + s + ": " + List.of(b[0], b[1], b[2], b[3]);
                assertTrue(b[0] >= 0 && b[1] >= l.top() && b[0] + b[2] <= width && b[1] + b[3] <= height, where);
                assertTrue(WIDEST[l.form()] * s <= b[2] - 2 * l.inset() + 1e-9, "lines fit the width of " + where);
                assertTrue(textHeight(LINES[l.form()], s) <= b[3] + 1e-9, "lines fit the height of " + where);
                for (double[] o : boxes) {
                    boolean apart = b[0] >= o[0] + o[2] || o[0] >= b[0] + b[2] || b[1] >= o[1] + o[3]
                            || o[1] >= b[1] + b[3];
                    assertTrue(apart, where + " overlaps " + List.of(o[0], o[1], o[2], o[3]));
                }
                boxes.add(b);
            }
        }
        double gap = l.box(1, 0)[0] - l.box(0, 0)[0] - l.box(0, 0)[2];
        assertTrue(gap >= EDGE * s + 4, "the gap of " + gap + " px holds an edge rate of " + EDGE * s + " px");
    }
}
