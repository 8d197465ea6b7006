package lab.overload.app.queues;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import lab.overload.app.chart.CanvasPane;
import lab.overload.app.chart.ChartPalette;
import lab.overload.engine.metrics.LaneInterval;

/**
 * A queue's lanes as bars, one canvas fed from the interval snapshots like the charts: each lane's depth at the end of
 * the newest interval, the lanes of the noisy tenant's hand in their own colour, the scale rounded up so bars do not
 * jump every interval. Past {@link #MAX_BARS} lanes the first ones are drawn and the title says so. Colours come from
 * CSS through a {@link ChartPalette}. FX thread only.
 */
public final class LaneBars extends CanvasPane {
    /** Lanes drawn at most (a PER_TENANT queue may have thousands). */
    public static final int MAX_BARS = 100;
    private static final double PAD = 8;

    private String title = "Lanes";
    private LaneInterval lanes;
    private long scale = 10;

    public LaneBars() {
        getStyleClass().add(QueueStyles.LANE_BARS);
        setMinSize(200, 120);
        setPrefSize(600, 300);
    }

    public void setTitle(String title) {
        this.title = title;
        markDirty();
    }

    /** Shows these lanes at the next redraw (null: none yet). */
    public void show(LaneInterval newest) {
        lanes = newest;
        if (newest == null) {
            scale = 10;
        } else {
            for (int i = 0; i < newest.laneCount(); i++) {
                while (newest.depth(i) > scale) {
                    scale = nextScale(scale);
                }
            }
        }
        markDirty();
    }

    /** The next step of the depth scale: 10, 20, 50, 100, 200, 500, ... */
    static long nextScale(long scale) {
        long decade = 1;
        while (decade * 10 <= scale) {
            decade *= 10;
        }
        long lead = scale / decade;
        return lead < 2 ? 2 * decade : lead < 5 ? 5 * decade : 10 * decade;
    }

    /** The top of the depth axis now. */
    public long scale() {
        return scale;
    }

    public LaneInterval lanes() {
        return lanes;
    }





    /** The line under the title: which tenant is noisy and which lanes its hand holds. */
    static String noisyText(LaneInterval lanes) {
        StringBuilder b = new StringBuilder("noisy tenant " + lanes.noisyTenant() + "'s hand: lane");
        int[] hand = lanes.noisyHand();
        b.append(hand.length == 1 ? " " : "s ");
        for (int i = 0; i < hand.length; i++) {
            b.append(i == 0 ? "" : ", ").append(hand[i]);
        }
        return b.toString();
    }

    /** The plot area: left, top, width, height (in the canvas's coordinates). */
    double[] plot() {
        double top = PAD + 1.5 * palette.font(QueueStyles.LANE_TITLE).getSize()
                + 1.6 * palette.font(QueueStyles.LANE_LABEL).getSize();
        double bottom = getHeight() - PAD - 1.6 * palette.font(QueueStyles.LANE_LABEL).getSize();
        double left = PAD + 4 * palette.font(QueueStyles.LANE_LABEL).getSize();
        return new double[] {left, top, Math.max(0, getWidth() - PAD - left), Math.max(0, bottom - top)};
    }

    /** Lane {@code i}'s bar: left, top, width, height. */
    double[] bar(int i) {
        double[] p = plot();
        int n = Math.min(lanes.laneCount(), MAX_BARS);
        double slot = p[2] / n;
        double h = p[3] * Math.min(1, (double) lanes.depth(i) / scale);
        return new double[] {p[0] + i * slot + slot * 0.12, p[1] + p[3] - h, slot * 0.76, h};
    }

    @Override
    protected void draw(GraphicsContext g) {
        double[] p = plot();
        g.setFill(palette.boxFill(QueueStyles.LANE_PLOT));
        g.fillRect(p[0], p[1], p[2], p[3]);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(palette.font(QueueStyles.LANE_TITLE));
        g.setFill(palette.textFill(QueueStyles.LANE_TITLE));
        String head = title;
        if (lanes != null && lanes.laneCount() > MAX_BARS) {
            head += String.format(Locale.ROOT, " (first %d of %d lanes)", MAX_BARS, lanes.laneCount());
        }
        g.fillText(head, PAD, PAD);
        if (lanes != null && lanes.noisyTenant() >= 0) {
            g.setFont(palette.font(QueueStyles.LANE_LABEL));
            g.setFill(palette.textFill(QueueStyles.LANE_NOISY_LABEL));
            g.fillText(noisyText(lanes), PAD, PAD + 1.3 * palette.font(QueueStyles.LANE_TITLE).getSize());
        }
        g.setFont(palette.font(QueueStyles.LANE_LABEL));
        g.setFill(palette.textFill(QueueStyles.LANE_LABEL));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Long.toString(scale), p[0] - 4, p[1]);
        g.fillText("0", p[0] - 4, p[1] + p[3]);
        if (lanes == null) {
            return;
        }
        int n = Math.min(lanes.laneCount(), MAX_BARS);
        int labelEvery = Math.max(1, (int) Math.ceil(n / Math.max(1, p[2] / 28)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < n; i++) {
            double[] b = bar(i);
            g.setFill(palette.boxFill(lanes.inNoisyHand(i) ? QueueStyles.LANE_BAR_NOISY : QueueStyles.LANE_BAR));
            g.fillRect(b[0], b[1], b[2], b[3]);
            if (i % labelEvery == 0) {
                g.setFill(palette.textFill(QueueStyles.LANE_LABEL));
                g.fillText(Integer.toString(i), b[0] + b[2] / 2, p[1] + p[3] + 2);
            }
        }
    }
}
