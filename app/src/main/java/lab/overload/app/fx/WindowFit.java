package lab.overload.app.fx;

import javafx.geometry.Rectangle2D;

/**
 * Where the main window goes on a screen: its preferred size ({@value #PREFERRED_WIDTH} x
 * {@value #PREFERRED_HEIGHT}) when the screen's visual bounds (the screen less task bars and docks) have room, else
 * those bounds, centred; minimums that let the layout breathe ({@value #MIN_WIDTH} x {@value #MIN_HEIGHT}) but never
 * exceed the screen.
 */
public record WindowFit(double x, double y, double width, double height, double minWidth, double minHeight) {
    public static final double PREFERRED_WIDTH = 1600;
    public static final double PREFERRED_HEIGHT = 960;
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 600;

    /** The window's bounds on a screen with these visual bounds. */
    public static WindowFit within(Rectangle2D visual) {
        double width = Math.min(PREFERRED_WIDTH, visual.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, visual.getHeight());
        double x = visual.getMinX() + (visual.getWidth() - width) / 2;
        double y = visual.getMinY() + (visual.getHeight() - height) / 2;
        return new WindowFit(x, y, width, height, Math.min(MIN_WIDTH, visual.getWidth()),
                Math.min(MIN_HEIGHT, visual.getHeight()));
    }
}
