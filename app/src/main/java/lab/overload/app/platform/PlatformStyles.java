package lab.overload.app.platform;

/** Style classes of the Platform tab; their colours and fonts are in {@code assets/chart.css} ("Platform tab"). */
public final class PlatformStyles {
    private PlatformStyles() {
    }

    /** The sandbox grid (a region holding one canvas). */
    public static final String SANDBOX_GRID = "sandbox-grid";
    /** A sandbox's cell (or a bar segment) by state: initialising, busy, idle warm. */
    public static final String CELL_INITIALIZING = "sandbox-initializing";
    public static final String CELL_BUSY = "sandbox-busy";
    public static final String CELL_IDLE = "sandbox-idle";
    /** Prefix of the functions' stripe classes: {@code sandbox-fn-0} to {@code sandbox-fn-7}. */
    public static final String FUNCTION_PREFIX = "sandbox-fn-";
    /** How many function hues chart.css defines. */
    public static final int FUNCTION_HUES = 8;
    /** A worker manager's band behind its cells or bar. */
    public static final String BAND = "sandbox-band";
    /** Titles and labels drawn on the canvas. */
    public static final String TITLE = "sandbox-title";
    public static final String LABEL = "sandbox-label";
    /** The Platform tab's content. */
    public static final String PLATFORM_VIEW = "platform-view";

    /** The class of a sandbox state's fill (by {@code PlatformInterval} state index). */
    public static String stateClass(int state) {
        return switch (state) {
            case 0 -> CELL_INITIALIZING;
            case 1 -> CELL_BUSY;
            default -> CELL_IDLE;
        };
    }

    /** The class of function {@code f}'s stripe (the hues repeat after {@link #FUNCTION_HUES}). */
    public static String functionClass(int f) {
        return FUNCTION_PREFIX + f % FUNCTION_HUES;
    }
}
