package lab.overload.app.fx;

/** Style-class names used by the views; colours and fonts live only in the stylesheets under assets/. */
public final class Styles {
    public static final String ROOT = "overload-lab";
    public static final String PRESENTER = "presenter";
    public static final String TOOLBAR = "lab-toolbar";
    public static final String LESSON = "lesson-panel";
    public static final String LESSON_STRIP = "lesson-strip";
    public static final String CONTROLS_STRIP = "controls-strip";
    public static final String STRIP_HINT = "strip-hint";
    public static final String LESSON_TITLE = "lesson-title";
    public static final String LESSON_STORY = "lesson-story";
    public static final String LESSON_STEP = "lesson-step";
    public static final String FORMULA = "formula";
    public static final String FORMULA_VALUES = "formula-values";
    public static final String TRIGGER_STATUS = "trigger-status";
    public static final String CONTROLS = "controls-panel";
    /** The opened controls panel only (not its collapsed strip, which shares {@link #CONTROLS}). */
    public static final String PARAMETER_PANEL = "parameter-panel";
    public static final String CONTROL = "param-control";
    public static final String CONTROL_LABEL = "param-label";
    public static final String CONTROL_VALUE = "param-value";
    public static final String CONTROL_UNIT = "param-unit";
    public static final String CONTROL_CHANGED = "param-changed";
    public static final String CONTROL_INVALID = "param-invalid";
    public static final String RESTART_BADGE = "restart-badge";
    public static final String ERROR_BAR = "error-bar";
    public static final String NOTICE_BAR = "notice-bar";
    public static final String CONFIRM_BAR = "confirm-bar";
    public static final String BEHIND = "behind-warning";
    public static final String TIMEBAR = "timebar";
    public static final String RECORD_TEXT = "record-text";
    public static final String RECORD_TOGGLE = "record-toggle";
    public static final String AB_TOGGLE = "ab-toggle";
    public static final String AB_SIDES = "ab-sides";
    public static final String SCRUBBING = "scrubbing";
    public static final String ICON = "icon";
    public static final String SECTION = "section-title";
    public static final String SPEED_LABEL = "speed-label";
    /** Steps a tab pane takes, one after another, when its tab names do not fit (see {@code TabNamesFit}). */
    public static final String TABS_NARROW = "tabs-narrow";
    public static final String TABS_REGULAR = "tabs-regular";
    public static final String TABS_SMALL = "tabs-small";

    private Styles() {
    }
}
