package lab.overload.engine.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One "try this" step of a preset's lesson, read from its text the way a user reads it: how the step starts (the run
 * as loaded, a reset with R, or a command line), the parameter changes it names as {@code path = value}, the sim
 * time a change is made at ("at about 60 s set ...", else before pressing play after the reset), and the earlier
 * step it builds on ("step 2"), whose changed paths it must set too.
 *
 * @param atStart  changes made at 0 s, after pressing R and before pressing play
 * @param atSeconds when the timed changes are made, NaN when there are none
 * @param timed    changes made while the run plays, at {@code atSeconds}
 * @param buildsOn the earlier step this one names, if any (1-based)
 */
record LessonStep(int number, String text, Start start, List<Change> atStart, double atSeconds, List<Change> timed,
                  OptionalInt buildsOn) {

    /** How a step begins; its text must open with one of these. */
    enum Start {
        AS_LOADED("As loaded"), PRESS_R("Press R"), COMMAND_LINE("From the command line");

        final String opening;

        Start(String opening) {
            this.opening = opening;
        }
    }

    /** A parameter change a step names. */
    record Change(String path, String value) {
        @Override
        public String toString() {
            return path + " = " + value;
        }
    }

    static final Pattern CHANGE = Pattern.compile(
            "\\b([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+) = ([A-Za-z0-9_.]*[A-Za-z0-9_])");
    static final Pattern AT = Pattern.compile("\\b[Aa]t about (\\d+) s,? set\\b");
    static final Pattern STEP = Pattern.compile("\\bstep (\\d+)\\b");

    /** Parses step {@code number} (1-based); throws IllegalArgumentException naming what the text lacks. */
    static LessonStep parse(int number, String text) {
        Start start = null;
        for (Start s : Start.values()) {
            if (text.startsWith(s.opening)) {
                start = s;
            }
        }
        if (start == null) {
            throw new IllegalArgumentException("step " + number + " must open with 'As loaded', 'Press R' or 'From the"
                    + " command line', so the user knows where it starts: " + text);
        }
        Matcher at = AT.matcher(text);
        int atIndex = at.find() ? at.start() : text.length();
        double atSeconds = atIndex < text.length() ? Double.parseDouble(at.group(1)) : Double.NaN;
        if (at.find()) {
            throw new IllegalArgumentException("step " + number + " names more than one time: " + text);
        }
        List<Change> atStart = new ArrayList<>();
        List<Change> timed = new ArrayList<>();
        Matcher m = CHANGE.matcher(text);
        while (m.find()) {
            (m.start() < atIndex ? atStart : timed).add(new Change(m.group(1), m.group(2)));
        }
        if (start != Start.PRESS_R && !atStart.isEmpty()) {
            throw new IllegalArgumentException("step " + number + " changes " + atStart + " before play without "
                    + "'Press R' (or before its 'at about ... s'): " + text);
        }
        if (start == Start.PRESS_R && atStart.isEmpty()) {
            throw new IllegalArgumentException("step " + number + " presses R but changes nothing before play: "
                    + text);
        }
        if (!Double.isNaN(atSeconds) && timed.isEmpty()) {
            throw new IllegalArgumentException("step " + number + " names a time but no change after it: " + text);
        }
        Matcher ref = STEP.matcher(text);
        OptionalInt buildsOn = ref.find() ? OptionalInt.of(Integer.parseInt(ref.group(1))) : OptionalInt.empty();
        if (buildsOn.isPresent() && (buildsOn.getAsInt() < 1 || buildsOn.getAsInt() >= number)) {
            throw new IllegalArgumentException("step " + number + " builds on step " + buildsOn.getAsInt()
                    + ", which does not come before it");
        }
        return new LessonStep(number, text, start, List.copyOf(atStart), atSeconds, List.copyOf(timed), buildsOn);
    }

    /** Every change the step makes, at the start and timed. */
    List<Change> changes() {
        List<Change> all = new ArrayList<>(atStart);
        all.addAll(timed);
        return all;
    }
}
