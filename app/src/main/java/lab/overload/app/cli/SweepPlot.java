package lab.overload.app.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import lab.overload.engine.run.Sweep;
import lab.overload.models.json.AtomicFiles;
import lab.overload.models.scenario.FieldDef;

/**
 * {@code sweep --plot}: offered load, attempts, throughput and goodput (means over replications) against the swept
 * value, as a PNG drawn with Java2D in headless mode (no JavaFX, no display). The colours are those of the app's
 * chart stylesheet; they live here because a PNG drawn without JavaFX cannot read CSS.
 */
final class SweepPlot {
    static final int WIDTH = 960;
    static final int HEIGHT = 600;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final int[] SERIES = {SweepTable.OFFERED, SweepTable.ATTEMPTS, SweepTable.THROUGHPUT,
        SweepTable.GOODPUT};
    private static final String[] NAMES = {"offered", "attempts", "throughput", "goodput"};
    /** As in chart.css: offered grey, attempts sky blue, throughput blue, goodput bluish green. */
    private static final Color[] COLOURS = {new Color(0x8C8C8C), new Color(0x56B4E9), new Color(0x0072B2),
        new Color(0x009E73)};

    private SweepPlot() {
    }

    /** Draws the plot and writes it to {@code file} atomically. */
    static void write(Path file, String title, Sweep.Plan plan, SweepTable table, String unit) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = draw(title, plan, table, unit);
        try (AtomicFiles.Output out = AtomicFiles.open(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    static BufferedImage draw(String title, Sweep.Plan plan, SweepTable table, String unit) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double xMin = Math.min(plan.from(), plan.to());
        double xMax = Math.max(plan.from(), plan.to());
        if (xMax == xMin) {
            xMin -= 1;
            xMax += 1;
        }
        double yMax = 0;
        for (int step = 0; step < plan.steps(); step++) {
            for (int c : SERIES) {
                double v = table.ran(step) ? table.mean(step, c) : Double.NaN;
                if (Double.isFinite(v)) {
                    yMax = Math.max(yMax, v);
                }
            }
        }
        double yStep = niceStep(yMax <= 0 ? 1 : yMax / 5);
        yMax = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double x0 = xMin;
        double xSpan = xMax - xMin;
        double ySpan = yMax;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(0xe4e6ea));
        double xStep = niceStep(xSpan / 6);
        for (double y = 0; y <= yMax + 1e-9 * yMax; y += yStep) {
            int py = TOP + plotH - (int) Math.round(y / ySpan * plotH);
            g.setColor(new Color(0xe4e6ea));
            g.drawLine(LEFT, py, LEFT + plotW, py);
            g.setColor(Color.DARK_GRAY);
            String label = SweepTable.num(y);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        for (double x = Math.ceil(xMin / xStep) * xStep; x <= xMax + 1e-9 * Math.abs(xMax); x += xStep) {
            int px = LEFT + (int) Math.round((x - x0) / xSpan * plotW);
            g.setColor(new Color(0xe4e6ea));
            g.drawLine(px, TOP, px, TOP + plotH);
            g.setColor(Color.DARK_GRAY);
            String label = SweepTable.num(x);
            g.drawString(label, px - fm.stringWidth(label) / 2, TOP + plotH + fm.getAscent() + 6);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotW, plotH);

        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < SERIES.length; k++) {
            Path2D.Double line = new Path2D.Double();
            boolean pen = false;
            for (int step = 0; step < plan.steps(); step++) {
                double v = table.ran(step) ? table.mean(step, SERIES[k]) : Double.NaN;
                if (!Double.isFinite(v)) {
                    pen = false;
                    continue;
                }
                double px = LEFT + (plan.value(step) - x0) / xSpan * plotW;
                double py = TOP + plotH - v / ySpan * plotH;
                if (pen) {
                    line.lineTo(px, py);
                } else {
                    line.moveTo(px, py);
                }
                pen = true;
                g.setColor(COLOURS[k]);
                g.fillOval((int) Math.round(px) - 3, (int) Math.round(py) - 3, 7, 7);
            }
            g.setColor(COLOURS[k]);
            g.draw(line);
        }

        int legendWidth = 0;
        for (String name : NAMES) {
            legendWidth += 24 + fm.stringWidth(name) + 20;
        }
        int lx = WIDTH - RIGHT - legendWidth + 20;
        for (int k = 0; k < SERIES.length; k++) {
            g.setColor(COLOURS[k]);
            g.fillRect(lx, TOP - 16, 18, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(NAMES[k], lx + 24, TOP - 9);
            lx += 24 + fm.stringWidth(NAMES[k]) + 20;
        }

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(title, LEFT, TOP - 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        String xLabel = plan.path() + (unit.isEmpty() ? "" : " (" + unit + ")") + ", " + plan.replications()
                + (plan.replications() == 1 ? " run" : " runs") + " per point of "
                + FieldDef.format(plan.durationSeconds() - plan.warmupSeconds()) + " s measured";
        g.drawString(xLabel, LEFT + (plotW - fm.stringWidth(xLabel)) / 2, HEIGHT - 20);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        String yLabel = "requests per second";
        g.drawString(yLabel, -(TOP + (plotH + fm.stringWidth(yLabel)) / 2), 24);
        g.setTransform(saved);
        g.dispose();
        return image;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
